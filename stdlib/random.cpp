// _random: the Mersenne Twister core of random.Random, bit-for-bit as CPython's (MT19937 with
// init_by_array seeding from the 32-bit chunks of abs(seed), random() built from two draws with
// 53-bit precision, getrandbits filling little-endian 32-bit words), so that seeded programs print
// the same numbers as under CPython. The algorithms of random.py itself live in stdlib/py.
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <ctime>
#include <vector>

#include "stdlib/modules.h"
#include "stdlib/native_util.h"

namespace gp {

namespace {

constexpr int N = 624;
constexpr int M = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;

struct RandomObject : Object {
  int index;
  uint32_t state[N];
  Object* dict;
};

extern TypeObject RandomType;

RandomObject* as_random(Object* o) { return static_cast<RandomObject*>(o); }

uint32_t genrand_uint32(RandomObject* r) {
  static const uint32_t mag01[2] = {0x0U, kMatrixA};
  uint32_t y;
  uint32_t* mt = r->state;
  if (r->index >= N) {
    int kk;
    for (kk = 0; kk < N - M; kk++) {
      y = (mt[kk] & kUpperMask) | (mt[kk + 1] & kLowerMask);
      mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk] & kUpperMask) | (mt[kk + 1] & kLowerMask);
      mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    y = (mt[N - 1] & kUpperMask) | (mt[0] & kLowerMask);
    mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
    r->index = 0;
  }
  y = mt[r->index++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= (y >> 18);
  return y;
}

void init_genrand(RandomObject* r, uint32_t s) {
  uint32_t* mt = r->state;
  mt[0] = s;
  for (int mti = 1; mti < N; mti++)
    mt[mti] = (1812433253U * (mt[mti - 1] ^ (mt[mti - 1] >> 30)) + static_cast<uint32_t>(mti));
  r->index = N;
}

void init_by_array(RandomObject* r, const std::vector<uint32_t>& key) {
  uint32_t* mt = r->state;
  init_genrand(r, 19650218U);
  size_t i = 1, j = 0;
  size_t key_length = key.size();
  size_t k = N > key_length ? N : key_length;
  for (; k; k--) {
    mt[i] =
        (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<uint32_t>(j);
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
    if (j >= key_length) j = 0;
  }
  for (k = N - 1; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000U;
}

bool seed_from_urandom(RandomObject* r) {
  std::vector<uint32_t> key(N);
  int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  bool ok = false;
  if (fd >= 0) {
    size_t want = key.size() * sizeof(uint32_t), got = 0;
    auto* p = reinterpret_cast<char*>(key.data());
    while (got < want) {
      ssize_t n = ::read(fd, p + got, want - got);
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
    ::close(fd);
    ok = got == want;
  }
  if (!ok) {
    struct timespec t;
    ::clock_gettime(CLOCK_REALTIME, &t);
    key = {static_cast<uint32_t>(t.tv_sec), static_cast<uint32_t>(t.tv_nsec),
           static_cast<uint32_t>(::getpid())};
  }
  init_by_array(r, key);
  return true;
}

// abs(n) as little-endian 32-bit words (at least one).
bool int_words(ThreadState* ts, Object* n, std::vector<uint32_t>* out) {
  Ref<> v = Ref<>::steal(absolute(ts, n));
  if (!v) return false;
  Ref<> mask = Ref<>::steal(int_from(ts, 0xffffffff));
  Ref<> shift = Ref<>::steal(int_from(ts, 32));
  if (!mask || !shift) return false;
  for (;;) {
    Ref<> low = Ref<>::steal(binary_op(ts, v.get(), mask.get(), BinOp::And));
    if (!low) return false;
    int64_t w;
    int_to_i64(low.get(), &w);
    out->push_back(static_cast<uint32_t>(w));
    v = Ref<>::steal(binary_op(ts, v.get(), shift.get(), BinOp::RShift));
    if (!v) return false;
    if (int_sign(v.get()) == 0) break;
  }
  return true;
}

Object* random_seed(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                    TupleObject* kw) {
  if (!check_nargs(ts, "seed", nargs, 0, 1)) return nullptr;
  RandomObject* r = as_random(self);
  if (nargs == 0 || is_none(args[0])) {
    seed_from_urandom(r);
    return new_none();
  }
  Object* a = args[0];
  Ref<> n;
  if (is_int(a)) {
    n = Ref<>::borrow(a);
  } else {
    int64_t h = hash(ts, a);
    if (h == -1 && exc_occurred(ts)) return nullptr;
    n = Ref<>::steal(int_from(ts, h));
    if (!n) return nullptr;
  }
  std::vector<uint32_t> key;
  if (!int_words(ts, n.get(), &key)) return nullptr;
  init_by_array(r, key);
  return new_none();
}

Object* random_random(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject*) {
  RandomObject* r = as_random(self);
  uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
  return float_from(ts, (a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

Object* random_getrandbits(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                           TupleObject* kw) {
  if (!check_nargs(ts, "getrandbits", nargs, 1, 1)) return nullptr;
  ssize k;
  if (!index_as_ssize(ts, args[0], &k)) return nullptr;
  if (k < 0) return raise(ts, &exc::ValueError, "number of bits must be non-negative");
  RandomObject* r = as_random(self);
  if (k == 0) return int_from(ts, 0);
  if (k <= 32) return int_from(ts, genrand_uint32(r) >> (32 - k));
  if (k <= 64) {
    uint64_t lo = genrand_uint32(r);
    uint64_t hi = genrand_uint32(r);
    if (k < 64) hi >>= (64 - k);
    return int_from_u64(ts, lo | (hi << 32));
  }
  ssize words = (k - 1) / 32 + 1;
  std::vector<uint32_t> w(static_cast<size_t>(words));
  ssize bits = k;
  for (ssize i = 0; i < words; i++, bits -= 32) {
    uint32_t v = genrand_uint32(r);
    if (bits < 32) v >>= (32 - bits);
    w[static_cast<size_t>(i)] = v;
  }
  // Assemble from the most significant word down.
  Ref<> result = Ref<>::steal(int_from(ts, 0));
  Ref<> shift = Ref<>::steal(int_from(ts, 32));
  if (!result || !shift) return nullptr;
  for (ssize i = words - 1; i >= 0; --i) {
    Ref<> shifted = Ref<>::steal(binary_op(ts, result.get(), shift.get(), BinOp::LShift));
    if (!shifted) return nullptr;
    Ref<> word = Ref<>::steal(int_from(ts, w[static_cast<size_t>(i)]));
    if (!word) return nullptr;
    result = Ref<>::steal(binary_op(ts, shifted.get(), word.get(), BinOp::Or));
    if (!result) return nullptr;
  }
  return result.release();
}

Object* random_getstate(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  RandomObject* r = as_random(self);
  Ref<TupleObject> t = Ref<TupleObject>::steal(tuple_new(ts, N + 1));
  if (!t) return nullptr;
  for (int i = 0; i < N; ++i) {
    Object* v = int_from(ts, r->state[i]);
    if (!v) return nullptr;
    t->items[i] = v;
  }
  Object* idx = int_from(ts, r->index);
  if (!idx) return nullptr;
  t->items[N] = idx;
  return t.release();
}

Object* random_setstate(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                        TupleObject*) {
  if (!check_nargs(ts, "setstate", nargs, 1, 1)) return nullptr;
  Object* st = args[0];
  if (!is_tuple(st)) return raise(ts, &exc::TypeError, "state vector must be a tuple");
  if (tuple_size(st) != N + 1) return raise(ts, &exc::ValueError, "state vector is the wrong size");
  RandomObject* r = as_random(self);
  uint32_t tmp[N];
  for (int i = 0; i < N; ++i) {
    int64_t v;
    Object* item = tuple_item(st, i);
    if (!is_int(item) || !int_to_i64(item, &v) || v < 0 || v > 0xffffffffLL)
      return raise(ts, &exc::OverflowError, "Python int too large to convert to C unsigned long");
    tmp[i] = static_cast<uint32_t>(v);
  }
  int64_t idx;
  if (!is_int(tuple_item(st, N)) || !int_to_i64(tuple_item(st, N), &idx))
    return raise(ts, &exc::TypeError, "state vector items must be integers");
  if (idx < 0 || idx > N) return raise(ts, &exc::ValueError, "invalid state");
  std::memcpy(r->state, tmp, sizeof tmp);
  r->index = static_cast<int>(idx);
  return new_none();
}

Object* random_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                   TupleObject* kw) {
  RandomObject* r = alloc<RandomObject>(ts, type);
  if (!r) return nullptr;
  if (type == &RandomType && nargs > 1)
    return raise(ts, &exc::TypeError, "Random() expected at most 1 argument, got %zu", nargs);
  Ref<> guard = Ref<>::steal(r);
  Ref<> res = Ref<>::steal(random_seed(ts, r, args, nargs > 1 ? 1 : nargs, nullptr));
  if (!res) return nullptr;
  return guard.release();
}

void random_dealloc(Object* o) {
  clearref(as_random(o)->dict);
  free_object(o);
}

const MethodDef kRandomMethods[] = {
    {"seed", random_seed, 0, nullptr},
    {"random", random_random, 0, "random() -> x in the interval [0, 1)."},
    {"getrandbits", random_getrandbits, 0, nullptr},
    {"getstate", random_getstate, 0, nullptr},
    {"setstate", random_setstate, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

TypeObject RandomType = [] {
  TypeObject t = stdlib_static_type("_random.Random", sizeof(RandomObject), kBaseType);
  t.dealloc = random_dealloc;
  t.methods = kRandomMethods;
  t.new_ = random_new;
  t.dict_offset = offsetof(RandomObject, dict);
  return t;
}();

}  // namespace

bool init_random(ThreadState* ts, ModuleObject* m) {
  if (!ready_stdlib_type(ts, &RandomType)) return false;
  return module_add(ts, m, "Random", newref(static_cast<Object*>(&RandomType)));
}

}  // namespace gp
