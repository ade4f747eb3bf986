"""The child side of the spawn start method."""

import os
import sys

import _multiprocessing as _mp

from . import process
from . import util

__all__ = ['get_command_line', 'get_preparation_data', 'spawn_main', 'set_executable',
           'get_executable']

_executable = sys.executable


def set_executable(exe):
    global _executable
    _executable = exe


def get_executable():
    return _executable


def get_command_line(**kwds):
    prog = 'from multiprocessing.spawn import spawn_main; spawn_main(%s)'
    prog %= ', '.join('%s=%r' % item for item in kwds.items())
    return [_executable, '-c', prog, '--multiprocessing-fork']


def _check_not_importing_main():
    if getattr(process.current_process(), '_inheriting', False):
        raise RuntimeError('''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        ''')


def get_preparation_data(name):
    _check_not_importing_main()
    d = dict(
        log_to_stderr=util._log_to_stderr,
        authkey=process.current_process().authkey,
        name=name,
        sys_path=list(sys.path),
        sys_argv=list(sys.argv),
        orig_dir=os.getcwd(),
        start_method='spawn',
    )
    if util._logger is not None:
        d['log_level'] = util._logger.getEffectiveLevel()
    main_module = sys.modules['__main__']
    main_path = getattr(main_module, '__file__', None)
    if main_path is not None and getattr(main_module, '__spec__', None) is None:
        if not os.path.isabs(main_path):
            main_path = os.path.join(os.getcwd(), main_path)
        d['init_main_from_path'] = os.path.normpath(main_path)
    return d


def spawn_main(pipe_handle, sentinel_fd=None, tracker_fd=None):
    """Entry point of a spawned child: read the pickled data from the pipe and run."""
    import io
    import pickle
    chunks = []
    while True:
        chunk = os.read(pipe_handle, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(pipe_handle)
    stream = io.BytesIO(b''.join(chunks))
    process.current_process()._inheriting = True
    try:
        preparation_data = pickle.load(stream)
        prepare(preparation_data)
        self = pickle.load(stream)
    finally:
        del process.current_process()._inheriting
    exitcode = self._bootstrap(parent_sentinel=sentinel_fd)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(exitcode)


def prepare(data):
    if 'name' in data:
        process.current_process().name = data['name']
    if 'authkey' in data:
        process.current_process().authkey = data['authkey']
    if data.get('log_to_stderr'):
        util.log_to_stderr()
    if 'log_level' in data:
        util.get_logger().setLevel(data['log_level'])
    if 'sys_path' in data:
        sys.path = data['sys_path']
    if 'sys_argv' in data:
        sys.argv = data['sys_argv']
    if 'orig_dir' in data:
        os.chdir(data['orig_dir'])
    if 'start_method' in data:
        from . import context
        context._force_start_method(data['start_method'])
    if 'init_main_from_path' in data:
        _fixup_main_from_path(data['init_main_from_path'])


def _fixup_main_from_path(main_path):
    """Run the parent's main script as __mp_main__ and make it this process's __main__, so that
    functions pickled by reference as __main__.f are found."""
    current_main = sys.modules['__main__']
    main_name = os.path.splitext(os.path.basename(main_path))[0]
    if main_name == 'ipython':
        return
    if getattr(current_main, '__file__', None) == main_path:
        return
    import types
    main_module = types.ModuleType('__mp_main__')
    main_module.__file__ = main_path
    main_module.__builtins__ = __builtins__
    sys.modules['__main__'] = sys.modules['__mp_main__'] = main_module
    with open(main_path, encoding='utf-8') as f:
        source = f.read()
    code = compile(source, main_path, 'exec')
    exec(code, main_module.__dict__)
