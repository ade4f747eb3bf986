"""Starting a child by spawn: a fresh gilpy process that imports the main script as __mp_main__
and receives the pickled Process object through a pipe."""

import io
import os
import sys

import _multiprocessing as _mp

from . import context
from . import popen_fork
from . import spawn
from . import util
from . import reduction


class Popen(popen_fork.Popen):
    method = 'spawn'

    def __init__(self, process_obj):
        self._fds = []
        super().__init__(process_obj)

    def duplicate_for_child(self, fd):
        self._fds.append(fd)
        return fd

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        fp = io.BytesIO()
        context.set_spawning_popen(self)
        try:
            reduction.dump(prep_data, fp)
            reduction.dump(process_obj, fp)
        finally:
            context.set_spawning_popen(None)

        parent_r = child_w = child_r = parent_w = None
        try:
            parent_r, child_w = _mp.pipe()
            child_r, parent_w = _mp.pipe()
            cmd = spawn.get_command_line(tracker_fd=-1, pipe_handle=child_r,
                                         sentinel_fd=child_w)
            self._fds.extend([child_r, child_w])
            self.pid = _mp.spawn_exec(cmd, self._fds)
            self.sentinel = parent_r
            _mp.write_all(parent_w, fp.getvalue())
        finally:
            # The child reads its data to EOF: close our end as soon as it is written.
            if parent_w is not None:
                os.close(parent_w)
            fds_to_close = [parent_r] if parent_r is not None else []
            self.finalizer = util.Finalize(self, util.close_fds, fds_to_close)
            for fd in (child_r, child_w):
                if fd is not None:
                    os.close(fd)
