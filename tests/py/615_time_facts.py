# topic: time module facts that are not timing-dependent: types of time()/monotonic()/perf_counter(), monotonic non-decreasing, sleep(0), gmtime(0)/strftime/strptime on fixed values, struct_time fields
# compare: exact
# timeout: 10
import time
t = time.time()
print(type(t).__name__, t > 1_600_000_000, type(time.monotonic()).__name__, type(time.perf_counter()).__name__, type(time.time_ns()).__name__)
m1 = time.monotonic()
p1 = time.perf_counter()
time.sleep(0)
time.sleep(0.01)
m2 = time.monotonic()
p2 = time.perf_counter()
print(m2 >= m1, p2 > p1, p2 - p1 >= 0.009, m2 - m1 < 5)
g = time.gmtime(0)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g.tm_wday, g.tm_yday, tuple(g)[:6])
print(time.strftime('%Y-%m-%d %H:%M:%S', g), time.strftime('%a %b %d', time.gmtime(86400 * 365)), time.strftime('%j|%%|%y', g))
fixed = time.gmtime(1_700_000_000)
print(time.strftime('%Y-%m-%dT%H:%M:%SZ', fixed), fixed.tm_wday, fixed.tm_yday, time.asctime(fixed))
parsed = time.strptime('2024-02-29 13:45:00', '%Y-%m-%d %H:%M:%S')
print(parsed.tm_year, parsed.tm_mon, parsed.tm_mday, parsed.tm_hour, parsed.tm_wday, parsed.tm_yday)
import calendar
print(calendar.timegm(fixed), calendar.timegm(parsed), calendar.isleap(2024), calendar.monthrange(2024, 2))
try:
    time.sleep(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    time.strptime('not a date', '%Y')
except ValueError as e:
    print('ValueError:', e)
print(isinstance(time.localtime(), time.struct_time), len(time.gmtime()), time.gmtime(0) == time.gmtime(0.5))
start = time.perf_counter()
total = sum(range(10000))
elapsed = time.perf_counter() - start
print(total, elapsed >= 0, f'{0.123456:.3f} s')
print(time.time_ns() // 10 ** 9 >= int(t) - 1, type(time.process_time()).__name__)
