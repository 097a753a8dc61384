// The one non-cryptographic hash of byte strings (internal): hash tables,
// filters and the validation of compiled dictionary caches.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace align::internal {

// 64 bits, 8 bytes at a time with a multiply-rotate step and a full
// avalanche at the end, so that any slice of the bits (a shard from the top
// four, a slot from the bottom ones) is usable. Stable across runs and
// builds: compiled dictionary caches store it.
inline uint64_t HashBytes(std::string_view bytes, uint64_t seed = 0) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ seed ^ (bytes.size() * 0xC2B2AE3D27D4EB4FULL);
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, bytes.data() + i, 8);
    h ^= v * 0x87C37B91114253D5ULL;
    h = (h << 31 | h >> 33) * 0x4CF5AD432745937FULL;
  }
  uint64_t tail = 0;
  for (size_t k = 0; i < bytes.size(); ++i, ++k) tail |= uint64_t(static_cast<unsigned char>(bytes[i])) << (8 * k);
  h ^= tail * 0x87C37B91114253D5ULL;
  h ^= h >> 33; h *= 0xFF51AFD7ED558CCDULL; h ^= h >> 33; h *= 0xC4CEB9FE1A85EC53ULL; h ^= h >> 33;
  return h;
}

}  // namespace align::internal
