"""Subprocesses with accessible I/O streams (gilpy, POSIX): Popen, run, call, check_call,
check_output, getoutput, getstatusoutput, with CPython's exceptions and reprs. Processes are
started by posix._fork_exec (fork + execve in native code); waiting and reading release the GIL."""

import io
import os
import posix
import signal
import sys
import time
import threading

__all__ = ['Popen', 'PIPE', 'STDOUT', 'call', 'check_call', 'getstatusoutput', 'getoutput',
           'check_output', 'run', 'CalledProcessError', 'DEVNULL', 'SubprocessError',
           'TimeoutExpired', 'CompletedProcess', 'list2cmdline']

PIPE = -1
STDOUT = -2
DEVNULL = -3

_USE_POSIX_SPAWN = False
_USE_VFORK = False


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised when run() is called with check=True and the process returns a non-zero exit
    status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                return "Command '%s' died with %r." % (self.cmd, signal.Signals(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """This exception is raised when the timeout expires while waiting for a child process."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    """A process that has finished running (the return value of run())."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args), 'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return '{}({})'.format(type(self).__name__, ', '.join(args))

    def check_returncode(self):
        """Raise CalledProcessError if the exit code is non-zero."""
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def list2cmdline(seq):
    """Translate a sequence of arguments into a command line string (MS C runtime rules)."""
    result = []
    for arg in map(os.fsdecode, seq):
        bs_buf = []
        if result:
            result.append(' ')
        needquote = (' ' in arg) or ('\t' in arg) or not arg
        if needquote:
            result.append('"')
        for c in arg:
            if c == '\\':
                bs_buf.append(c)
            elif c == '"':
                result.append('\\' * len(bs_buf) * 2)
                bs_buf = []
                result.append('\\"')
            else:
                if bs_buf:
                    result.extend(bs_buf)
                    bs_buf = []
                result.append(c)
        if bs_buf:
            result.extend(bs_buf)
        if needquote:
            result.extend(bs_buf)
            result.append('"')
    return ''.join(result)


def _fsencode_list(items):
    return [os.fsdecode(a) if isinstance(a, bytes) else os.fspath(a) for a in items]


class Popen:
    """Execute a child program in a new process."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *, user=None,
                 group=None, extra_groups=None, encoding=None, errors=None, text=None,
                 umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self.pid = None
        self.returncode = None
        self.encoding = encoding
        self.errors = errors
        self._communication_started = False
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError('bufsize must be an integer')
        if universal_newlines is not None and text is not None and \
                bool(universal_newlines) != bool(text):
            raise SubprocessError('Cannot disambiguate when both text and universal_newlines '
                                  'are supplied but different. Pass one or the other.')
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.universal_newlines = self.text_mode
        if preexec_fn is not None:
            raise NotImplementedError('gilpy: preexec_fn is not supported')

        to_close = []
        p2cwrite, p2cread = self._get_handle(stdin, 0, to_close, True)
        c2pread, c2pwrite = self._get_handle(stdout, 1, to_close, False)
        if stderr == STDOUT:
            errread, errwrite = -1, (c2pwrite if c2pwrite != -1 else 1)
        else:
            errread, errwrite = self._get_handle(stderr, 2, to_close, False)
        try:
            self._execute_child(args, executable, cwd, env, shell, close_fds, pass_fds,
                                start_new_session or process_group == 0,
                                p2cread, c2pwrite, errwrite)
        except BaseException:
            for fd in (p2cwrite, c2pread, errread):
                if fd != -1:
                    os.close(fd)
            for fd in to_close:
                os.close(fd)
            raise
        for fd in to_close:
            os.close(fd)
        if p2cwrite != -1:
            self.stdin = open(p2cwrite, 'wb', bufsize)
            if self.text_mode:
                self.stdin = io.TextIOWrapper(self.stdin, write_through=True,
                                              line_buffering=(bufsize == 1),
                                              encoding=encoding or 'utf-8', errors=errors)
        if c2pread != -1:
            self.stdout = open(c2pread, 'rb', bufsize)
            if self.text_mode:
                self.stdout = io.TextIOWrapper(self.stdout, encoding=encoding or 'utf-8',
                                               errors=errors)
        if errread != -1:
            self.stderr = open(errread, 'rb', bufsize)
            if self.text_mode:
                self.stderr = io.TextIOWrapper(self.stderr, encoding=encoding or 'utf-8',
                                               errors=errors)

    def _get_handle(self, spec, std_fd, to_close, is_input):
        """(parent end, child end) for one standard stream; -1 where none."""
        if spec is None:
            return -1, -1
        if spec == PIPE:
            r, w = os.pipe()
            if is_input:
                to_close.append(r)
                return w, r
            to_close.append(w)
            return r, w
        if spec == DEVNULL:
            fd = os.open(os.devnull, os.O_RDWR)
            to_close.append(fd)
            return -1, fd
        if isinstance(spec, int):
            return -1, spec
        return -1, spec.fileno()

    def _execute_child(self, args, executable, cwd, env, shell, close_fds, pass_fds,
                       start_new_session, p2cread, c2pwrite, errwrite):
        if isinstance(args, (str, bytes)):
            args = [args]
        elif isinstance(args, os.PathLike):
            if shell:
                raise TypeError('path-like args is not allowed when shell is true')
            args = [args]
        else:
            args = list(args)
        if shell:
            unix_shell = '/bin/sh'
            args = [unix_shell, '-c'] + args
            if executable:
                args[0] = executable
        if executable is None:
            executable = args[0]
        args = _fsencode_list(args)
        executable = os.fsdecode(executable) if isinstance(executable, bytes) \
            else os.fspath(executable)
        self._orig_executable = executable
        if os.path.dirname(executable):
            candidates = [executable]
        else:
            path_list = os.get_exec_path(env)
            candidates = [os.path.join(d, executable) for d in path_list]
        env_list = None
        if env is not None:
            env_list = []
            for k, v in env.items():
                k = os.fsdecode(k) if isinstance(k, bytes) else k
                v = os.fsdecode(v) if isinstance(v, bytes) else v
                if '=' in k:
                    raise ValueError('illegal environment variable name')
                env_list.append(k + '=' + v)
        if cwd is not None:
            cwd = os.fsdecode(cwd) if isinstance(cwd, bytes) else os.fspath(cwd)
        errpipe_read, errpipe_write = os.pipe()
        try:
            if pass_fds:
                close_fds = False
            self.pid = posix._fork_exec(args, candidates, env_list, cwd, p2cread, c2pwrite,
                                        errwrite, close_fds, errpipe_write,
                                        bool(start_new_session))
        finally:
            os.close(errpipe_write)
        try:
            data = b''
            while True:
                part = os.read(errpipe_read, 100)
                if not part:
                    break
                data += part
        finally:
            os.close(errpipe_read)
        if data:
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            self.returncode = 255
            stage, _, hex_errno = data.decode('ascii', 'replace').partition(':')
            errno_num = int(hex_errno, 16) if hex_errno else 0
            if stage == 'chdir':
                err_filename = cwd
            elif stage == 'exec':
                err_filename = self._orig_executable
            else:
                err_filename = None
            if errno_num != 0:
                err_msg = os.strerror(errno_num)
                if err_filename is not None:
                    raise OSError(errno_num, err_msg, err_filename)
                raise OSError(errno_num, err_msg)
            raise SubprocessError('Exception occurred in preexec_fn.')

    # ---- waiting ----

    def _handle_exitstatus(self, sts):
        if os.WIFSTOPPED(sts):
            self.returncode = -os.WSTOPSIG(sts)
        else:
            self.returncode = os.waitstatus_to_exitcode(sts)

    def poll(self):
        """Check if child process has terminated. Set and return returncode attribute."""
        if self.returncode is None:
            try:
                pid, sts = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                self.returncode = 0
                return self.returncode
            if pid == self.pid:
                self._handle_exitstatus(sts)
        return self.returncode

    def wait(self, timeout=None):
        """Wait for child process to terminate; returns self.returncode."""
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            try:
                pid, sts = os.waitpid(self.pid, 0)
            except ChildProcessError:
                self.returncode = 0
                return 0
            self._handle_exitstatus(sts)
            return self.returncode
        endtime = time.monotonic() + timeout
        delay = 0.0005
        while True:
            if self.poll() is not None:
                return self.returncode
            remaining = endtime - time.monotonic()
            if remaining <= 0:
                raise TimeoutExpired(self.args, timeout)
            delay = min(delay * 2, remaining, 0.05)
            time.sleep(delay)

    def send_signal(self, sig):
        """Send a signal to the process."""
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        """Terminate the process with SIGTERM"""
        self.send_signal(signal.SIGTERM)

    def kill(self):
        """Kill the process with SIGKILL"""
        self.send_signal(signal.SIGKILL)

    # ---- communication ----

    def communicate(self, input=None, timeout=None):
        """Interact with process: send data to stdin, read stdout and stderr until end-of-file
        and wait for the process to terminate. Returns (stdout_data, stderr_data)."""
        if self._communication_started and input:
            raise ValueError('Cannot send input after starting communication')
        self._communication_started = True
        pipes = [p for p in (self.stdin, self.stdout, self.stderr) if p is not None]
        if timeout is None and len(pipes) <= 1 and not (self.stdin and input):
            stdout = stderr = None
            if self.stdin:
                self._close_stdin()
            elif self.stdout:
                stdout = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                stderr = self.stderr.read()
                self.stderr.close()
            self.wait()
            return stdout, stderr
        results = {}

        def reader(name, stream):
            try:
                results[name] = stream.read()
            finally:
                stream.close()

        threads = []
        if self.stdout:
            threads.append(threading.Thread(target=reader, args=('stdout', self.stdout),
                                            daemon=True))
        if self.stderr:
            threads.append(threading.Thread(target=reader, args=('stderr', self.stderr),
                                            daemon=True))
        for t in threads:
            t.start()
        if self.stdin:
            if input:
                try:
                    self.stdin.write(input)
                except BrokenPipeError:
                    pass
            self._close_stdin()
        endtime = None if timeout is None else time.monotonic() + timeout
        for t in threads:
            t.join(None if endtime is None else max(0.0, endtime - time.monotonic()))
            if t.is_alive():
                raise TimeoutExpired(self.args, timeout, results.get('stdout'),
                                     results.get('stderr'))
        if endtime is None:
            self.wait()
        else:
            self.wait(max(0.0, endtime - time.monotonic()))
        return results.get('stdout'), results.get('stderr')

    def _close_stdin(self):
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self._close_stdin()
        finally:
            self.wait()

    def __repr__(self):
        obj_repr = f'<{self.__class__.__name__}: returncode: {self.returncode} args: {self.args!r}>'
        if len(obj_repr) > 80:
            obj_repr = obj_repr[:76] + '...>'
        return obj_repr


def call(*popenargs, timeout=None, **kwargs):
    """Run command with arguments. Wait for command to complete or timeout, then return the
    returncode attribute."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Run command with arguments. Wait for command to complete. If the exit code was zero then
    return, otherwise raise CalledProcessError."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get('args')
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Run command with arguments and return its output."""
    for kw in ('stdout', 'check'):
        if kw in kwargs:
            raise ValueError(f'{kw} argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        if kwargs.get('universal_newlines') or kwargs.get('text') or kwargs.get('encoding') \
                or kwargs.get('errors'):
            empty = ''
        else:
            empty = b''
        kwargs['input'] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Run command with arguments and return a CompletedProcess instance."""
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used '
                             'with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired as exc:
            process.kill()
            process.wait()
            raise
        except BaseException:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """Return (exitcode, output) of executing cmd in a shell."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding,
                            errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """Return output (stdout or stderr) of executing cmd in a shell."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
