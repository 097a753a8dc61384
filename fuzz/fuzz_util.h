// Helpers shared by the fuzz targets (not part of the library).
//
// FUZZ_CHECK turns a broken invariant into a crash that libFuzzer records
// with its input, as a sanitizer report would be: these targets check what
// the library promises (spans in order and inside the input, maps monotone,
// round trips exact), not only that it does not crash.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#define FUZZ_CHECK(cond, ...)                                                   \
  do {                                                                          \
    if (!(cond)) {                                                              \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, \
                   #cond);                                                      \
      std::fprintf(stderr, "  " __VA_ARGS__);                                   \
      std::fprintf(stderr, "\n");                                               \
      std::abort();                                                             \
    }                                                                           \
  } while (0)

namespace fuzz {

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// |text| with control bytes written as \xNN, for messages (a NUL would end
// the printf string).
inline std::string Printable(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Splits |input| at every |separator| byte into at most |parts| pieces (the
// last piece keeps any further separators); missing pieces are empty. The
// seed script (fuzz/make-seeds.sh) joins several files the same way.
inline std::vector<std::string> SplitParts(std::string_view input, size_t parts, char separator = '\f') {
  std::vector<std::string> out;
  while (out.size() + 1 < parts) {
    size_t at = input.find(separator);
    if (at == std::string_view::npos) break;
    out.emplace_back(input.substr(0, at));
    input.remove_prefix(at + 1);
  }
  out.emplace_back(input);
  out.resize(parts);
  return out;
}

// A private directory on tmpfs for targets whose entry point reads files,
// removed when the process exits. Fuzzing jobs run in parallel, so it is
// per process.
inline const std::filesystem::path& ScratchDir() {
  // Never destroyed: the atexit handler runs after function-local statics die.
  static const std::filesystem::path* dir = [] {
    const char* base = std::getenv("TALIGN_FUZZ_TMP");
    std::filesystem::path root = base && *base ? base : (access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
    auto* d = new std::filesystem::path(root / ("talign-fuzz-" + std::to_string(::getpid())));
    std::filesystem::create_directories(*d);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(ScratchDir(), ec);
    });
    return d;
  }();
  return *dir;
}

// Writes |bytes| to |name| inside ScratchDir() and returns the path.
inline std::string WriteScratch(const std::string& name, std::string_view bytes) {
  std::filesystem::path path = ScratchDir() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  FUZZ_CHECK(out.good(), "cannot write %s", path.c_str());
  return path.string();
}

// An ostream that counts and discards what is written: report writers run
// in full without keeping their output.
class NullBuffer : public std::streambuf {
 protected:
  int overflow(int c) override { return c == traits_type::eof() ? 0 : c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

}  // namespace fuzz
