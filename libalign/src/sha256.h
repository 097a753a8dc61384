// SHA-256 (FIPS 180-4): the fingerprint of inputs that batch --resume
// compares, and the hash that names the HTML report's script in its
// Content-Security-Policy.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "align/status.h"

namespace align::internal {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  // The digest; the object must not be updated afterwards.
  std::array<uint8_t, 32> Finish();

 private:
  std::array<uint32_t, 8> state_;
  uint8_t block_[64];
  size_t used_ = 0;      // bytes waiting in block_
  uint64_t length_ = 0;  // bytes hashed so far
};

std::string Sha256Hex(std::string_view bytes);
std::string Sha256Base64(std::string_view bytes);
// The SHA-256 of a regular file's content, in hex, read in blocks (never whole).
StatusOr<std::string> Sha256OfFile(const std::string& path);

}  // namespace align::internal
