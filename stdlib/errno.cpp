// The errno module: the symbolic error codes of the platform and errorcode (code -> name).
#include <cerrno>

#include "stdlib/modules.h"

namespace gp {

namespace {

struct ErrnoName {
  const char* name;
  int code;
  bool canonical;  // the name errorcode maps the code to (EAGAIN, not EWOULDBLOCK)
};

const ErrnoName kErrnoNames[] = {
#ifdef EPERM
    {"EPERM", EPERM, true},
#endif
#ifdef ENOENT
    {"ENOENT", ENOENT, true},
#endif
#ifdef ESRCH
    {"ESRCH", ESRCH, true},
#endif
#ifdef EINTR
    {"EINTR", EINTR, true},
#endif
#ifdef EIO
    {"EIO", EIO, true},
#endif
#ifdef ENXIO
    {"ENXIO", ENXIO, true},
#endif
#ifdef E2BIG
    {"E2BIG", E2BIG, true},
#endif
#ifdef ENOEXEC
    {"ENOEXEC", ENOEXEC, true},
#endif
#ifdef EBADF
    {"EBADF", EBADF, true},
#endif
#ifdef ECHILD
    {"ECHILD", ECHILD, true},
#endif
#ifdef EAGAIN
    {"EAGAIN", EAGAIN, true},
#endif
#ifdef EWOULDBLOCK
    {"EWOULDBLOCK", EWOULDBLOCK, false},
#endif
#ifdef ENOMEM
    {"ENOMEM", ENOMEM, true},
#endif
#ifdef EACCES
    {"EACCES", EACCES, true},
#endif
#ifdef EFAULT
    {"EFAULT", EFAULT, true},
#endif
#ifdef ENOTBLK
    {"ENOTBLK", ENOTBLK, true},
#endif
#ifdef EBUSY
    {"EBUSY", EBUSY, true},
#endif
#ifdef EEXIST
    {"EEXIST", EEXIST, true},
#endif
#ifdef EXDEV
    {"EXDEV", EXDEV, true},
#endif
#ifdef ENODEV
    {"ENODEV", ENODEV, true},
#endif
#ifdef ENOTDIR
    {"ENOTDIR", ENOTDIR, true},
#endif
#ifdef EISDIR
    {"EISDIR", EISDIR, true},
#endif
#ifdef EINVAL
    {"EINVAL", EINVAL, true},
#endif
#ifdef ENFILE
    {"ENFILE", ENFILE, true},
#endif
#ifdef EMFILE
    {"EMFILE", EMFILE, true},
#endif
#ifdef ENOTTY
    {"ENOTTY", ENOTTY, true},
#endif
#ifdef ETXTBSY
    {"ETXTBSY", ETXTBSY, true},
#endif
#ifdef EFBIG
    {"EFBIG", EFBIG, true},
#endif
#ifdef ENOSPC
    {"ENOSPC", ENOSPC, true},
#endif
#ifdef ESPIPE
    {"ESPIPE", ESPIPE, true},
#endif
#ifdef EROFS
    {"EROFS", EROFS, true},
#endif
#ifdef EMLINK
    {"EMLINK", EMLINK, true},
#endif
#ifdef EPIPE
    {"EPIPE", EPIPE, true},
#endif
#ifdef EDOM
    {"EDOM", EDOM, true},
#endif
#ifdef ERANGE
    {"ERANGE", ERANGE, true},
#endif
#ifdef EDEADLK
    {"EDEADLK", EDEADLK, false},
#endif
#ifdef EDEADLOCK
    {"EDEADLOCK", EDEADLOCK, true},
#endif
#ifdef ENAMETOOLONG
    {"ENAMETOOLONG", ENAMETOOLONG, true},
#endif
#ifdef ENOLCK
    {"ENOLCK", ENOLCK, true},
#endif
#ifdef ENOSYS
    {"ENOSYS", ENOSYS, true},
#endif
#ifdef ENOTEMPTY
    {"ENOTEMPTY", ENOTEMPTY, true},
#endif
#ifdef ELOOP
    {"ELOOP", ELOOP, true},
#endif
#ifdef ENOMSG
    {"ENOMSG", ENOMSG, true},
#endif
#ifdef EIDRM
    {"EIDRM", EIDRM, true},
#endif
#ifdef ECHRNG
    {"ECHRNG", ECHRNG, true},
#endif
#ifdef EL2NSYNC
    {"EL2NSYNC", EL2NSYNC, true},
#endif
#ifdef EL3HLT
    {"EL3HLT", EL3HLT, true},
#endif
#ifdef EL3RST
    {"EL3RST", EL3RST, true},
#endif
#ifdef ELNRNG
    {"ELNRNG", ELNRNG, true},
#endif
#ifdef EUNATCH
    {"EUNATCH", EUNATCH, true},
#endif
#ifdef ENOCSI
    {"ENOCSI", ENOCSI, true},
#endif
#ifdef EL2HLT
    {"EL2HLT", EL2HLT, true},
#endif
#ifdef EBADE
    {"EBADE", EBADE, true},
#endif
#ifdef EBADR
    {"EBADR", EBADR, true},
#endif
#ifdef EXFULL
    {"EXFULL", EXFULL, true},
#endif
#ifdef ENOANO
    {"ENOANO", ENOANO, true},
#endif
#ifdef EBADRQC
    {"EBADRQC", EBADRQC, true},
#endif
#ifdef EBADSLT
    {"EBADSLT", EBADSLT, true},
#endif
#ifdef EBFONT
    {"EBFONT", EBFONT, true},
#endif
#ifdef ENOSTR
    {"ENOSTR", ENOSTR, true},
#endif
#ifdef ENODATA
    {"ENODATA", ENODATA, true},
#endif
#ifdef ETIME
    {"ETIME", ETIME, true},
#endif
#ifdef ENOSR
    {"ENOSR", ENOSR, true},
#endif
#ifdef ENONET
    {"ENONET", ENONET, true},
#endif
#ifdef ENOPKG
    {"ENOPKG", ENOPKG, true},
#endif
#ifdef EREMOTE
    {"EREMOTE", EREMOTE, true},
#endif
#ifdef ENOLINK
    {"ENOLINK", ENOLINK, true},
#endif
#ifdef EADV
    {"EADV", EADV, true},
#endif
#ifdef ESRMNT
    {"ESRMNT", ESRMNT, true},
#endif
#ifdef ECOMM
    {"ECOMM", ECOMM, true},
#endif
#ifdef EPROTO
    {"EPROTO", EPROTO, true},
#endif
#ifdef EMULTIHOP
    {"EMULTIHOP", EMULTIHOP, true},
#endif
#ifdef EDOTDOT
    {"EDOTDOT", EDOTDOT, true},
#endif
#ifdef EBADMSG
    {"EBADMSG", EBADMSG, true},
#endif
#ifdef EOVERFLOW
    {"EOVERFLOW", EOVERFLOW, true},
#endif
#ifdef ENOTUNIQ
    {"ENOTUNIQ", ENOTUNIQ, true},
#endif
#ifdef EBADFD
    {"EBADFD", EBADFD, true},
#endif
#ifdef EREMCHG
    {"EREMCHG", EREMCHG, true},
#endif
#ifdef ELIBACC
    {"ELIBACC", ELIBACC, true},
#endif
#ifdef ELIBBAD
    {"ELIBBAD", ELIBBAD, true},
#endif
#ifdef ELIBSCN
    {"ELIBSCN", ELIBSCN, true},
#endif
#ifdef ELIBMAX
    {"ELIBMAX", ELIBMAX, true},
#endif
#ifdef ELIBEXEC
    {"ELIBEXEC", ELIBEXEC, true},
#endif
#ifdef EILSEQ
    {"EILSEQ", EILSEQ, true},
#endif
#ifdef ERESTART
    {"ERESTART", ERESTART, true},
#endif
#ifdef ESTRPIPE
    {"ESTRPIPE", ESTRPIPE, true},
#endif
#ifdef EUSERS
    {"EUSERS", EUSERS, true},
#endif
#ifdef ENOTSOCK
    {"ENOTSOCK", ENOTSOCK, true},
#endif
#ifdef EDESTADDRREQ
    {"EDESTADDRREQ", EDESTADDRREQ, true},
#endif
#ifdef EMSGSIZE
    {"EMSGSIZE", EMSGSIZE, true},
#endif
#ifdef EPROTOTYPE
    {"EPROTOTYPE", EPROTOTYPE, true},
#endif
#ifdef ENOPROTOOPT
    {"ENOPROTOOPT", ENOPROTOOPT, true},
#endif
#ifdef EPROTONOSUPPORT
    {"EPROTONOSUPPORT", EPROTONOSUPPORT, true},
#endif
#ifdef ESOCKTNOSUPPORT
    {"ESOCKTNOSUPPORT", ESOCKTNOSUPPORT, true},
#endif
#ifdef ENOTSUP
    {"ENOTSUP", ENOTSUP, true},
#endif
#ifdef EOPNOTSUPP
    {"EOPNOTSUPP", EOPNOTSUPP, false},
#endif
#ifdef EPFNOSUPPORT
    {"EPFNOSUPPORT", EPFNOSUPPORT, true},
#endif
#ifdef EAFNOSUPPORT
    {"EAFNOSUPPORT", EAFNOSUPPORT, true},
#endif
#ifdef EADDRINUSE
    {"EADDRINUSE", EADDRINUSE, true},
#endif
#ifdef EADDRNOTAVAIL
    {"EADDRNOTAVAIL", EADDRNOTAVAIL, true},
#endif
#ifdef ENETDOWN
    {"ENETDOWN", ENETDOWN, true},
#endif
#ifdef ENETUNREACH
    {"ENETUNREACH", ENETUNREACH, true},
#endif
#ifdef ENETRESET
    {"ENETRESET", ENETRESET, true},
#endif
#ifdef ECONNABORTED
    {"ECONNABORTED", ECONNABORTED, true},
#endif
#ifdef ECONNRESET
    {"ECONNRESET", ECONNRESET, true},
#endif
#ifdef ENOBUFS
    {"ENOBUFS", ENOBUFS, true},
#endif
#ifdef EISCONN
    {"EISCONN", EISCONN, true},
#endif
#ifdef ENOTCONN
    {"ENOTCONN", ENOTCONN, true},
#endif
#ifdef ESHUTDOWN
    {"ESHUTDOWN", ESHUTDOWN, true},
#endif
#ifdef ETOOMANYREFS
    {"ETOOMANYREFS", ETOOMANYREFS, true},
#endif
#ifdef ETIMEDOUT
    {"ETIMEDOUT", ETIMEDOUT, true},
#endif
#ifdef ECONNREFUSED
    {"ECONNREFUSED", ECONNREFUSED, true},
#endif
#ifdef EHOSTDOWN
    {"EHOSTDOWN", EHOSTDOWN, true},
#endif
#ifdef EHOSTUNREACH
    {"EHOSTUNREACH", EHOSTUNREACH, true},
#endif
#ifdef EALREADY
    {"EALREADY", EALREADY, true},
#endif
#ifdef EINPROGRESS
    {"EINPROGRESS", EINPROGRESS, true},
#endif
#ifdef ESTALE
    {"ESTALE", ESTALE, true},
#endif
#ifdef EUCLEAN
    {"EUCLEAN", EUCLEAN, true},
#endif
#ifdef ENOTNAM
    {"ENOTNAM", ENOTNAM, true},
#endif
#ifdef ENAVAIL
    {"ENAVAIL", ENAVAIL, true},
#endif
#ifdef EISNAM
    {"EISNAM", EISNAM, true},
#endif
#ifdef EREMOTEIO
    {"EREMOTEIO", EREMOTEIO, true},
#endif
#ifdef EDQUOT
    {"EDQUOT", EDQUOT, true},
#endif
#ifdef ENOMEDIUM
    {"ENOMEDIUM", ENOMEDIUM, true},
#endif
#ifdef EMEDIUMTYPE
    {"EMEDIUMTYPE", EMEDIUMTYPE, true},
#endif
#ifdef ECANCELED
    {"ECANCELED", ECANCELED, true},
#endif
#ifdef ENOKEY
    {"ENOKEY", ENOKEY, true},
#endif
#ifdef EKEYEXPIRED
    {"EKEYEXPIRED", EKEYEXPIRED, true},
#endif
#ifdef EKEYREVOKED
    {"EKEYREVOKED", EKEYREVOKED, true},
#endif
#ifdef EKEYREJECTED
    {"EKEYREJECTED", EKEYREJECTED, true},
#endif
#ifdef EOWNERDEAD
    {"EOWNERDEAD", EOWNERDEAD, true},
#endif
#ifdef ENOTRECOVERABLE
    {"ENOTRECOVERABLE", ENOTRECOVERABLE, true},
#endif
#ifdef ERFKILL
    {"ERFKILL", ERFKILL, true},
#endif
};

}  // namespace

bool init_errno(ThreadState* ts, ModuleObject* m) {
  Ref<DictObject> codes = Ref<DictObject>::steal(dict_new(ts));
  if (!codes) return false;
  for (const ErrnoName& e : kErrnoNames) {
    Ref<> v = Ref<>::steal(int_from(ts, e.code));
    Ref<> n = Ref<>::steal(str_from(ts, e.name));
    if (!v || !n || !module_add(ts, m, e.name, newref(v.get()))) return false;
    if (e.canonical && !dict_set(ts, codes.get(), v.get(), n.get())) return false;
  }
  return module_add(ts, m, "errorcode", codes.release());
}

}  // namespace gp
