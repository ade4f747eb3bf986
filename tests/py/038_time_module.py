# compare: exact

import time
t0 = time.time(); m0 = time.monotonic(); p0 = time.perf_counter()
time.sleep(0.05)
print(time.time() - t0 >= 0.04, time.monotonic() - m0 >= 0.04, time.perf_counter() - p0 < 5)
print(isinstance(time.time_ns(), int), time.process_time() >= 0)
st = time.gmtime(0)
print(st.tm_year, st.tm_mon, st.tm_mday, st[0], len(st), st.tm_wday, st.tm_yday)
print(time.strftime('%Y-%m-%d %H:%M:%S', st))
print(time.gmtime(86400 * 365))
print(time.asctime(time.gmtime(0)))
try:
    time.sleep(-1)
except ValueError as e:
    print('ValueError:', e)
lt = time.localtime()
print(time.mktime(lt) == int(time.mktime(lt)), type(lt).__name__)
