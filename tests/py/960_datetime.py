# topic: datetime (date, time, datetime, timedelta, timezone)
# compare: exact
# timeout: 10
import datetime as dt
from datetime import date, time, datetime, timedelta, timezone

td = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(td, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds())
print(timedelta(), repr(timedelta()), timedelta(-1), repr(timedelta(seconds=-1)), timedelta(hours=-25))
print(timedelta(weeks=1, milliseconds=1.5), timedelta(seconds=0.5e-6), timedelta(seconds=1.5e-6),
      timedelta(days=0.1), timedelta(minutes=1.23456789), repr(timedelta(microseconds=-1)))
a, b = timedelta(hours=5), timedelta(minutes=45)
print(a + b, a - b, b - a, -a, abs(-a), a * 3, 2.5 * b, a / 4, a / b, a // b, a % b, divmod(a, b),
      a // 7, a / 3.3, a > b, a == timedelta(seconds=18000), hash(a) == hash(timedelta(hours=5)), bool(timedelta(0)))
print(timedelta.max, timedelta.min, timedelta.resolution, sum([a, b], timedelta()))
try:
    timedelta(days=10 ** 9)
except OverflowError as e:
    print('OverflowError', e)

d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal())
print(d + timedelta(days=1), d - timedelta(days=366), date(2024, 12, 25) - d, d.replace(day=1),
      d.isoformat(), d.ctime(), d.strftime('%A %d %B %Y (%j) %a %b %y %m/%d'), f'{d:%Y/%m/%d}', f'{d}')
print(date.fromordinal(738000), date.fromisoformat('2023-07-14'), date.fromisoformat('20230714'),
      date(2021, 1, 3).isocalendar(), date(2020, 12, 31).isocalendar().week, date.fromisocalendar(2024, 1, 1))
print(d < date(2024, 3, 1), d == date(2024, 2, 29), d != date(2024, 2, 28), sorted([date(2024, 1, 2), date(2023, 5, 5)]),
      max(date(2020, 1, 1), date(2019, 1, 1)), {d: 1}[date(2024, 2, 29)], date.min, date.max)
for bad in [lambda: date(2023, 2, 29), lambda: date(2023, 13, 1), lambda: date(0, 1, 1),
            lambda: date(2023, 1, 1.5), lambda: date.fromisoformat('2023/01/01'),
            lambda: date(9999, 12, 31) + timedelta(1), lambda: time(24), lambda: time(1, 60),
            lambda: datetime(2023, 1, 1, 12, 0, 60), lambda: time(0, 0, 0, 10 ** 6)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

t = time(13, 5, 9, 123)
print(t, repr(t), repr(time(7, 30)), time(7, 30, 1), t.isoformat('milliseconds'), t.isoformat('minutes'),
      t.strftime('%I:%M %p %f'), time.fromisoformat('10:11:12.5'), time.fromisoformat('08:00'),
      t.replace(hour=1), time() < t, time.min, time.max)

x = datetime(2023, 12, 31, 23, 59, 30, 500000)
print(x, repr(x), repr(datetime(2023, 1, 1)), repr(datetime(2023, 1, 1, 10, 0, 5)), x.date(), x.time(),
      x.isoformat(), x.isoformat(' ', 'seconds'), x.isoformat(timespec='hours'))
print(x + timedelta(seconds=30), x + timedelta(days=1, hours=1), x - timedelta(weeks=52),
      x - datetime(2023, 1, 1), datetime(2023, 1, 1) - x, x.replace(year=2020, microsecond=0))
print(x.strftime('%Y-%m-%d %H:%M:%S.%f %a %j'), f'{x:%d.%m.%Y %H:%M}', x.ctime(), x.weekday(),
      x.timetuple()[:8], x.toordinal())
print(datetime.combine(date(2020, 5, 17), time(8, 15)), datetime.fromisoformat('2011-11-04T00:05:23'),
      datetime.fromisoformat('2011-11-04 00:05:23.283'), datetime.fromisoformat('2011-11-04'),
      repr(datetime.fromisoformat('2011-11-04T00:05:23+04:00')), datetime.fromisoformat('2011-11-04T00:05:23Z'))
print(datetime.strptime('2023-03-15 14:30:00', '%Y-%m-%d %H:%M:%S'), datetime.strptime('15/Mar/23 02:30PM', '%d/%b/%y %I:%M%p'),
      datetime.strptime('March 5, 2021', '%B %d, %Y'), repr(datetime.strptime('2020-01-01T10:00:00.25+0100', '%Y-%m-%dT%H:%M:%S.%f%z')))
for s, f in [('2023-13-01', '%Y-%m-%d'), ('2023-01-01 extra', '%Y-%m-%d'), ('abc', '%Y')]:
    try:
        datetime.strptime(s, f)
    except ValueError as e:
        print('ValueError', e)
print(x > datetime(2023, 1, 1), x == datetime(2023, 12, 31, 23, 59, 30, 500000), datetime.min, datetime.max)

utc = timezone.utc
ist = timezone(timedelta(hours=5, minutes=30), 'IST')
est = timezone(-timedelta(hours=5))
print(utc, repr(utc), ist, repr(ist), est, repr(est), timezone(timedelta(0)) is utc, dt.UTC is utc)
aw = datetime(2024, 1, 1, 12, 0, tzinfo=utc)
print(aw, repr(aw), aw.utcoffset(), aw.tzname(), aw.astimezone(ist), aw.astimezone(est).isoformat(),
      aw.timestamp(), datetime.fromtimestamp(0, utc), datetime.fromtimestamp(1700000000.123456, tz=utc),
      aw.strftime('%H:%M %z %Z'), aw == aw.astimezone(ist), aw - datetime(2024, 1, 1, 12, 0, tzinfo=ist))
print(datetime.utcfromtimestamp(86400 * 365.25), datetime(2024, 1, 1, tzinfo=utc) + timedelta(hours=1))
try:
    aw < datetime(2024, 1, 1)
except TypeError as e:
    print('TypeError', e)
try:
    aw - datetime(2024, 1, 1)
except TypeError as e:
    print('TypeError', e)
print(aw == datetime(2024, 1, 1, 12), date(2024, 1, 1) == datetime(2024, 1, 1))
now = datetime.now()
print(type(now).__name__, abs(now - datetime.now()) < timedelta(seconds=5), date.today() == now.date() or True,
      datetime.now(utc).tzinfo, isinstance(now, date))
ts = datetime(2024, 6, 1, 12, 30).timestamp()
print(datetime.fromtimestamp(ts), type(ts).__name__)
import pickle
print(pickle.loads(pickle.dumps(x)) == x, pickle.loads(pickle.dumps(td)), pickle.loads(pickle.dumps(d)))
