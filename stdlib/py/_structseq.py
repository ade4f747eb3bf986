"""Struct sequences for gilpy's native modules: tuple subclasses with named fields that print
as CPython's (sys.version_info(major=3, ...), time.struct_time(tm_year=...), os.stat_result(...)).
Fields after the first n_sequence_fields are attributes only, as in CPython."""


class structseq(tuple):
    n_sequence_fields = 0
    n_fields = 0
    _fields = ()
    _extra = ()

    def __new__(cls, sequence, dict=None):
        seq = tuple(sequence)
        n = cls.n_sequence_fields
        if len(seq) < n:
            raise TypeError('%s() takes an at least %d-sequence (%d-sequence given)'
                            % (cls._qualname, n, len(seq)))
        self = tuple.__new__(cls, seq[:n])
        extra = list(seq[n:])
        for i, name in enumerate(cls._extra):
            value = extra[i] if i < len(extra) else None
            if dict is not None and name in dict:
                value = dict[name]
            object.__setattr__(self, name, value)
        return self

    def __repr__(self):
        parts = ['%s=%r' % (name.replace('_st_', 'st_').replace('_int', ''), value)
                 for name, value in zip(self._fields, self)]
        return '%s(%s)' % (self._qualname, ', '.join(parts))

    def __reduce__(self):
        return (type(self), (tuple(self),))

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')


def _field(i):
    return property(lambda self: tuple.__getitem__(self, i))


def make(qualname, fields, extra=()):
    module, _, name = qualname.rpartition('.')
    ns = {'n_sequence_fields': len(fields), 'n_fields': len(fields) + len(extra),
          'n_unnamed_fields': 0, '_fields': tuple(fields), '_extra': tuple(extra),
          '_qualname': qualname, '__module__': module or 'builtins'}
    for i, f in enumerate(fields):
        ns[f] = _field(i)
    cls = type(name, (structseq,), ns)
    return cls


class SimpleNamespace:
    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        self.__dict__.update(dict(mapping_or_iterable))
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ('%s=%r' % (k, v) for k, v in self.__dict__.items())
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        return '%s(%s)' % (name, ', '.join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


SimpleNamespace.__module__ = 'types'


def _init_sys(sys):
    version_info = make('sys.version_info',
                        ('major', 'minor', 'micro', 'releaselevel', 'serial'))
    sys.version_info = version_info((3, 11, 7, 'final', 0))
    flags = make('sys.flags', ('debug', 'inspect', 'interactive', 'optimize',
                               'dont_write_bytecode', 'no_user_site', 'no_site',
                               'ignore_environment', 'verbose', 'bytes_warning', 'quiet',
                               'hash_randomization', 'isolated', 'dev_mode', 'utf8_mode',
                               'warn_default_encoding', 'safe_path', 'int_max_str_digits'))
    sys.flags = flags((0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, False, 1, 0, False, -1))
    float_info = make('sys.float_info', ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp',
                                         'min_10_exp', 'dig', 'mant_dig', 'epsilon', 'radix',
                                         'rounds'))
    sys.float_info = float_info((1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308,
                                 -1021, -307, 15, 53, 2.220446049250313e-16, 2, 1))
    int_info = make('sys.int_info', ('bits_per_digit', 'sizeof_digit',
                                     'default_max_str_digits', 'str_digits_check_threshold'))
    sys.int_info = int_info((30, 4, 4300, 640))
    hash_info = make('sys.hash_info', ('width', 'modulus', 'inf', 'nan', 'imag', 'algorithm',
                                       'hash_bits', 'seed_bits', 'cutoff'))
    sys.hash_info = hash_info((64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64,
                               128, 0))
    thread_info = make('sys.thread_info', ('name', 'lock', 'version'))
    sys.thread_info = thread_info(('pthread', 'mutex+cond', None))
    sys.implementation = SimpleNamespace(name='gilpy', cache_tag=None,
                                         version=sys.version_info,
                                         hexversion=sys.hexversion,
                                         _multiarch='x86_64-linux-gnu')


def _init_posix(posix):
    posix.stat_result = make('os.stat_result',
                             ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid',
                              'st_size', '_st_atime_int', '_st_mtime_int', '_st_ctime_int'),
                             ('st_atime', 'st_mtime', 'st_ctime', 'st_atime_ns', 'st_mtime_ns',
                              'st_ctime_ns', 'st_blksize', 'st_blocks', 'st_rdev'))
    posix.terminal_size = make('os.terminal_size', ('columns', 'lines'))
    posix.uname_result = make('posix.uname_result',
                              ('sysname', 'nodename', 'release', 'version', 'machine'))
    posix.times_result = make('posix.times_result',
                              ('user', 'system', 'children_user', 'children_system', 'elapsed'))


def _init_time(time):
    time.struct_time = make('time.struct_time',
                            ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
                             'tm_wday', 'tm_yday', 'tm_isdst'), ('tm_zone', 'tm_gmtoff'))
