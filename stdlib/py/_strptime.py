"""Parsing of date/time strings by format (time.strptime, datetime.strptime) for gilpy: a
directive-by-directive scanner accepting what CPython's _strptime accepts for the common
directives (%Y %y %m %d %H %I %M %S %f %p %b %B %a %A %j %z %%), with its error messages."""

import time as _time

_MONTHNAMES = [None, 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct',
               'Nov', 'Dec']
_DAYNAMES = [None, 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
_FULL_MONTHNAMES = [None, 'January', 'February', 'March', 'April', 'May', 'June', 'July',
                    'August', 'September', 'October', 'November', 'December']
_FULL_DAYNAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
_DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _ymd2ord(year, month, day):
    y = year - 1
    return (y * 365 + y // 4 - y // 100 + y // 400 + _DAYS_BEFORE_MONTH[month] +
            (month > 2 and _is_leap(year)) + day)


def _ord2ymd(n):
    year = max(1, (n - 1) * 400 // 146097)
    while _ymd2ord(year + 1, 1, 1) <= n:
        year += 1
    while _ymd2ord(year, 1, 1) > n:
        year -= 1
    month = 12
    while _ymd2ord(year, month, 1) > n:
        month -= 1
    return year, month, n - _ymd2ord(year, month, 1) + 1


def _strptime(data_string, format='%a %b %d %H:%M:%S %Y'):
    """(year, month, day, hour, minute, second, microsecond, utc offset seconds or None,
    weekday or None, julian day or None) parsed from data_string."""
    if not isinstance(data_string, str):
        raise TypeError('strptime() argument 1 must be str, not %s' % type(data_string).__name__)
    if not isinstance(format, str):
        raise TypeError('strptime() argument 2 must be str, not %s' % type(format).__name__)
    year = 1900
    month = day = 1
    hour = minute = second = fraction = 0
    tz = None
    weekday = julian = None
    ampm = None
    pos = 0
    n = len(data_string)

    def fail():
        raise ValueError("time data %r does not match format %r" % (data_string, format))

    def number(maxlen, minlen=1, lo=0, hi=None):
        nonlocal pos
        j = pos
        while j < n and j - pos < maxlen and data_string[j].isdigit():
            j += 1
        if j - pos < minlen:
            fail()
        value = int(data_string[pos:j])
        if value < lo or (hi is not None and value > hi):
            fail()
        pos = j
        return value

    def name(choices):
        nonlocal pos
        low = data_string[pos:].lower()
        best = None
        for i, c in enumerate(choices):
            if c and low.startswith(c.lower()) and (best is None or len(c) > len(choices[best])):
                best = i
        if best is None:
            fail()
        pos += len(choices[best])
        return best

    i = 0
    fl = len(format)
    while i < fl:
        c = format[i]
        if c == '%' and i + 1 < fl:
            d = format[i + 1]
            i += 2
            if d == 'Y':
                year = number(4, 4)
            elif d == 'y':
                year = number(2, 2)
                year += 2000 if year <= 68 else 1900
            elif d == 'm':
                month = number(2, 1, 1, 12)
            elif d == 'd':
                day = number(2, 1, 1, 31)
            elif d == 'H':
                hour = number(2, 1, 0, 23)
            elif d == 'I':
                hour = number(2, 1, 1, 12)
            elif d == 'M':
                minute = number(2, 1, 0, 59)
            elif d == 'S':
                second = number(2, 1, 0, 61)
            elif d == 'f':
                j = pos
                while j < n and j - pos < 6 and data_string[j].isdigit():
                    j += 1
                if j == pos:
                    fail()
                fraction = int(data_string[pos:j].ljust(6, '0'))
                pos = j
            elif d == 'p':
                ampm = name(['AM', 'PM'])
            elif d == 'b' or d == 'h':
                month = name(_MONTHNAMES[1:]) + 1
            elif d == 'B':
                month = name(_FULL_MONTHNAMES[1:]) + 1
            elif d == 'a':
                weekday = name(_DAYNAMES[1:])
            elif d == 'A':
                weekday = name(_FULL_DAYNAMES)
            elif d == 'j':
                julian = number(3, 1, 1, 366)
            elif d == 'z':
                if data_string[pos:pos + 1] == 'Z':
                    pos += 1
                    tz = 0
                else:
                    sign = data_string[pos:pos + 1]
                    if sign not in ('+', '-'):
                        fail()
                    pos += 1
                    hh = number(2, 2)
                    if data_string[pos:pos + 1] == ':':
                        pos += 1
                    mm = number(2, 2)
                    ss = 0
                    if data_string[pos:pos + 1] == ':' or (pos < n and
                                                            data_string[pos].isdigit()):
                        if data_string[pos:pos + 1] == ':':
                            pos += 1
                        ss = number(2, 2)
                    off = hh * 3600 + mm * 60 + ss
                    tz = -off if sign == '-' else off
            elif d == '%':
                if data_string[pos:pos + 1] != '%':
                    fail()
                pos += 1
            else:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, format))
        elif c.isspace():
            i += 1
            while pos < n and data_string[pos].isspace():
                pos += 1
        else:
            i += 1
            if data_string[pos:pos + 1] != c:
                fail()
            pos += 1
    if pos != n:
        raise ValueError('unconverted data remains: %s' % data_string[pos:])
    if ampm is not None:
        if ampm == 0 and hour == 12:
            hour = 0
        elif ampm == 1 and hour != 12:
            hour += 12
    if julian is not None and month == 1 and day == 1:
        o = _ymd2ord(year, 1, 1) + julian - 1
        year, month, day = _ord2ymd(o)
    elif day > 28:
        dim = [0, 31, 29 if _is_leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]
        if day > dim:
            raise ValueError('day is out of range for month')
    if julian is None and weekday is None:
        pass
    return (year, month, day, hour, minute, second, fraction, tz, weekday, julian)


def _strptime_time(data_string, format='%a %b %d %H:%M:%S %Y'):
    """time.strptime: a struct_time from data_string parsed by format."""
    (year, month, day, hour, minute, second, fraction, gmtoff, weekday,
     julian) = _strptime(data_string, format)
    if julian is None:
        julian = _ymd2ord(year, month, day) - _ymd2ord(year, 1, 1) + 1
    weekday = (_ymd2ord(year, month, day) + 6) % 7
    return _time.struct_time((year, month, day, hour, minute, second, weekday, julian, -1))
