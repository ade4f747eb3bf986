# topic: calendar module and time.strptime
# compare: exact
# timeout: 10
import calendar
import time

print(calendar.isleap(2024), calendar.isleap(1900), calendar.leapdays(1900, 2024), calendar.weekday(2024, 7, 4),
      calendar.monthrange(2024, 2), calendar.monthrange(2023, 12))
print(calendar.monthcalendar(2024, 2))
print(calendar.month(2024, 2))
print(calendar.month(2023, 10, 3, 2))
calendar.prmonth(1999, 12)
print(calendar.calendar(2024))
print(calendar.month_name[1], calendar.month_abbr[12], calendar.day_name[0], calendar.day_abbr[6], list(calendar.day_abbr))
print(calendar.timegm((2024, 1, 1, 0, 0, 0)), calendar.timegm(time.gmtime(1_700_000_000)), calendar.weekheader(3))
tc = calendar.TextCalendar(calendar.SUNDAY)
print(tc.formatmonth(2024, 3))
print([d for d in calendar.Calendar().itermonthdates(2024, 2)][:3], list(calendar.Calendar(6).iterweekdays()))
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as e:
    print('IllegalMonthError', e, isinstance(e, ValueError))
print(time.strptime('2024-02-29 13:45:00', '%Y-%m-%d %H:%M:%S'))
print(time.strptime('Fri Jan  5 10:30:00 2024'), time.strptime('23 Mar 2021', '%d %b %Y')[:3],
      time.strptime('2024 060', '%Y %j')[:3], time.strptime('11:05 PM', '%I:%M %p')[3:5])
for s, f in [('not a date', '%Y'), ('2024-01-01 x', '%Y-%m-%d'), ('2023-02-30', '%Y-%m-%d')]:
    try:
        time.strptime(s, f)
    except ValueError as e:
        print('ValueError', e)
