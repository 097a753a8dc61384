#include "align/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <streambuf>
#include <vector>

#include <fmt/format.h>

namespace align {
namespace {

std::string Reason(int err) { return std::strerror(err); }

// An output stream buffer over a file descriptor that remembers why a write
// failed: std::ofstream loses errno, and "No space left on device" is what
// the user needs to read.
class DescriptorBuf : public std::streambuf {
 public:
  explicit DescriptorBuf(int fd) : fd_(fd), buffer_(1 << 16) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  ~DescriptorBuf() override { Drain(); }
  int error() const { return error_; }
  // Writes what is buffered; false (and error()) on failure.
  bool Drain() {
    const char* p = pbase();
    size_t left = static_cast<size_t>(pptr() - pbase());
    while (left > 0 && error_ == 0) {
      ssize_t n = ::write(fd_, p, left);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) { error_ = errno; break; }
      p += n;
      left -= static_cast<size_t>(n);
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  int fd_;
  std::vector<char> buffer_;
  int error_ = 0;
};

// Runs |write| into |fd|; the status names |name| and the system's reason.
Status Produce(int fd, const std::string& name, const WriteFn& write) {
  DescriptorBuf buf(fd);
  std::ostream out(&buf);
  Status s = write(out);
  bool drained = buf.Drain();
  if (!s.ok()) return s;
  if (!drained) return IoError(fmt::format("{}: write error: {}", name, Reason(buf.error())));
  if (!out) return IoError(fmt::format("{}: write error", name));
  return Status::Ok();
}

// Copies the whole of |from| into |to|, from the start (the hard-link case).
Status CopyInto(int from, int to, const std::string& name) {
  if (::lseek(from, 0, SEEK_SET) < 0) return IoError(fmt::format("{}: {}", name, Reason(errno)));
  std::vector<char> buf(1 << 16);
  for (;;) {
    ssize_t got = ::read(from, buf.data(), buf.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return IoError(fmt::format("{}: read error: {}", name, Reason(errno)));
    if (got == 0) return Status::Ok();
    for (ssize_t done = 0; done < got;) {
      ssize_t n = ::write(to, buf.data() + done, static_cast<size_t>(got - done));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return IoError(fmt::format("{}: write error: {}", name, Reason(errno)));
      done += n;
    }
  }
}

// Writes to an existing device or FIFO as it is.
Status WriteDirect(const std::string& path, const WriteFn& write) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return IoError(fmt::format("{}: cannot open for writing: {}", path, Reason(errno)));
  Status s = Produce(fd, path, write);
  if (::close(fd) != 0 && s.ok()) s = IoError(fmt::format("{}: write error: {}", path, Reason(errno)));
  return s;
}

// Writes |path| (a regular file or nothing yet) through its temporary.
// |existing| is its stat when it exists.
Status WriteThroughTemporary(const std::string& path, const struct stat* existing, const WriteFn& write) {
  const std::string tmp = TemporaryName(path);
  ::unlink(tmp.c_str());  // a leftover of a killed run with our PID
  mode_t mode = existing ? (existing->st_mode & 07777) : 0666;
  int fd = ::open(tmp.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return IoError(fmt::format("{}: cannot create: {}", tmp, Reason(errno)));
  auto fail = [&](Status s) {
    ::close(fd);
    ::unlink(tmp.c_str());
    return s;
  };
  if (existing) {
    // open() applied the umask: give the file back exactly the mode it had,
    // and its owner when we may (as root); otherwise the new owner is us.
    (void)::fchown(fd, existing->st_uid, existing->st_gid);
    if (::fchmod(fd, mode) != 0) return fail(IoError(fmt::format("{}: cannot set mode: {}", tmp, Reason(errno))));
  }
  Status s = Produce(fd, tmp, write);
  if (!s.ok()) return fail(s);
  if (existing && existing->st_nlink > 1) {
    int target = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (target < 0) return fail(IoError(fmt::format("{}: cannot open for writing: {}", path, Reason(errno))));
    Status copied = CopyInto(fd, target, path);
    if (::close(target) != 0 && copied.ok()) copied = IoError(fmt::format("{}: write error: {}", path, Reason(errno)));
    return fail(copied);  // the temporary goes either way
  }
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return IoError(fmt::format("{}: write error: {}", tmp, Reason(err)));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return IoError(fmt::format("{}: cannot rename into place: {}", path, Reason(err)));
  }
  return Status::Ok();
}

}  // namespace

void ProtectedFiles::Add(const std::string& path) {
  struct stat st {};
  int rc = path == "-" ? ::fstat(STDIN_FILENO, &st) : ::stat(path.c_str(), &st);
  if (rc == 0) files_.try_emplace({st.st_dev, st.st_ino}, path == "-" ? "<stdin>" : path);
}

const std::string* ProtectedFiles::Find(dev_t device, ino_t inode) const {
  auto it = files_.find({device, inode});
  return it == files_.end() ? nullptr : &it->second;
}

std::string TemporaryName(const std::string& path) { return fmt::format("{}.tmp.{}", path, ::getpid()); }

Status WriteOutputFile(const std::string& path, const ProtectedFiles& inputs, const WriteFn& write) {
  if (path.empty()) return InvalidArgument("empty output file name");
  struct stat link {};
  if (::lstat(path.c_str(), &link) != 0) {
    if (errno != ENOENT) return IoError(fmt::format("{}: {}", path, Reason(errno)));
    return WriteThroughTemporary(path, nullptr, write);
  }
  std::string target = path;
  struct stat st = link;
  if (S_ISLNK(link.st_mode)) {
    char* resolved = ::realpath(path.c_str(), nullptr);
    if (!resolved) {
      return InvalidArgument(fmt::format("{}: symbolic link to a missing file; not writing through it", path));
    }
    target = resolved;
    std::free(resolved);
    if (::stat(target.c_str(), &st) != 0) return IoError(fmt::format("{}: {}", target, Reason(errno)));
  }
  if (const std::string* input = inputs.Find(st.st_dev, st.st_ino)) {
    return InvalidArgument(fmt::format("{}: is the input {}; refusing to overwrite it (choose another -o)",
                                       path, *input));
  }
  if (S_ISREG(st.st_mode)) return WriteThroughTemporary(target, &st, write);
  if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) return WriteDirect(target, write);
  const char* what = S_ISDIR(st.st_mode) ? "a directory" : S_ISBLK(st.st_mode) ? "a block device"
                     : S_ISSOCK(st.st_mode) ? "a socket" : "not a regular file";
  return InvalidArgument(fmt::format("{}: is {}; refusing to write an output there", path, what));
}

Status WriteOutputFile(const std::string& path, const ProtectedFiles& inputs, std::string_view content) {
  std::error_code ec;
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) return IoError(fmt::format("{}: cannot create directory: {}", parent.string(), ec.message()));
  return WriteOutputFile(path, inputs, [content](std::ostream& out) {
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return Status::Ok();
  });
}

Status WriteToDescriptor(int fd, const std::string& name, const WriteFn& write) {
  return Produce(fd, name, write);
}

}  // namespace align
