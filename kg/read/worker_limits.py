"""The fences of a query worker process (kg.sparql_exec), set by the worker on itself:
no network sockets (a seccomp filter) and a memory limit per query (RLIMIT_AS)."""
from __future__ import annotations

import os

# (audit arch, socket, io_uring_setup, seccomp) syscall numbers
_SYSCALLS = {"x86_64": (0xC000003E, 41, 425, 317), "aarch64": (0xC00000B7, 198, 425, 277)}


def no_network() -> bool:
    """Forbid this process (all its threads, present and future) to open IPv4/IPv6
    sockets: socket(AF_INET|AF_INET6, …) fails with EACCES, io_uring with ENOSYS. The
    pipes to the parent already exist and stay usable. A seccomp-BPF filter, which an
    unprivileged process may install on itself; returns False where that is not
    possible (not Linux, another CPU, a kernel or container that forbids it)."""
    import ctypes  # noqa: PLC0415
    import platform  # noqa: PLC0415
    import sys  # noqa: PLC0415

    if not sys.platform.startswith("linux") or platform.machine() not in _SYSCALLS:
        return False
    audit_arch, nr_socket, nr_io_uring, nr_seccomp = _SYSCALLS[platform.machine()]
    ld, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06          # BPF_LD|W|ABS, JMP|JEQ|K, JMP|JGE|K, RET|K
    allow, errno = 0x7FFF0000, 0x00050000               # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO
    eacces, enosys, af_inet, af_inet6 = 13, 38, 2, 10
    program = [
        (ld, 0, 0, 4),                    # 0  A = seccomp_data.arch
        (jeq, 1, 0, audit_arch),          # 1  native ABI → 3
        (ret, 0, 0, errno | enosys),      # 2  any other ABI: refuse
        (ld, 0, 0, 0),                    # 3  A = seccomp_data.nr
        (jge, 0, 1, 0x40000000),          # 4  x32 system calls → 5
        (ret, 0, 0, errno | enosys),      # 5
        (jeq, 0, 1, nr_io_uring),         # 6  io_uring_setup → 7
        (ret, 0, 0, errno | enosys),      # 7
        (jeq, 1, 0, nr_socket),           # 8  socket → 10
        (ret, 0, 0, allow),               # 9  everything else
        (ld, 0, 0, 16),                   # 10 A = low word of args[0] (the address family)
        (jeq, 2, 0, af_inet),             # 11 → 14
        (jeq, 1, 0, af_inet6),            # 12 → 14
        (ret, 0, 0, allow),               # 13 AF_UNIX and the like
        (ret, 0, 0, errno | eacces),      # 14
    ]

    class SockFilter(ctypes.Structure):
        _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte),
                    ("k", ctypes.c_uint)]

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(SockFilter))]

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        filters = (SockFilter * len(program))(*[SockFilter(*ins) for ins in program])
        fprog = SockFprog(len(program), filters)
        if libc.prctl(38, 1, 0, 0, 0) != 0:                      # PR_SET_NO_NEW_PRIVS
            return False
        # seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, prog): every thread
        if libc.syscall(ctypes.c_long(nr_seccomp), ctypes.c_long(1), ctypes.c_long(1), ctypes.byref(fprog)) != 0:
            # older kernels: this thread only (the worker has no other thread yet)
            if libc.prctl(22, 2, ctypes.byref(fprog), 0, 0) != 0:  # PR_SET_SECCOMP, MODE_FILTER
                return False
    except (OSError, AttributeError):
        return False
    return True


def _address_space() -> int:
    """Bytes of address space this process maps now (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def limit_memory(extra_mb: int) -> None:
    """Let this process map at most `extra_mb` more (0: no limit). A soft limit, so it
    can be lifted again after the query; where RLIMIT_AS is missing, nothing happens."""
    try:
        import resource  # noqa: PLC0415 (Unix only)
    except ImportError:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    now = _address_space()
    soft = now + extra_mb * 1024 * 1024 if extra_mb and now else hard
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
