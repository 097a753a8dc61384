// Writing result files without losing a byte of what was there.
//
//   align::ProtectedFiles inputs;
//   inputs.Add("a.en.txt");                       // every file the run reads
//   align::Status s = align::WriteOutputFile("report.html", inputs, [&](std::ostream& out) {
//     return align::WriteFindings(report, format, options, out);
//   });
//
// What happens depends on what the output path is when the write starts:
//   - nothing: the output is written to "PATH.tmp.PID" in the same directory
//     and renamed to PATH when complete, so a crash never leaves a half file;
//   - a regular file: replaced the same way, keeping its permission bits (and
//     its owner and group where the process may set them);
//   - a regular file with other hard links: the output is first completed
//     under the temporary name, then copied into the file in place, so every
//     link sees the new content (a rename would cut the links);
//   - a symbolic link: followed; the link stays and its target is written by
//     these rules (a link to nothing is refused);
//   - a character device or a FIFO (/dev/null, /dev/stdout, a named pipe):
//     written directly, never replaced;
//   - a directory, a socket or a block device: refused.
// An output that is one of the run's own inputs (the same file, by device and
// inode, under any name) is refused before anything is written.
#pragma once

#include <sys/types.h>

#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "align/status.h"

namespace align {

// The files a run reads, identified by device and inode so that another path
// to the same file (a link, "./a.txt", "/dev/stdin" redirected from it) is
// recognised.
class ProtectedFiles {
 public:
  // Records |path| ("-" is standard input). A path that does not exist is
  // ignored: it cannot be overwritten by mistake.
  void Add(const std::string& path);
  // The name an input was added under when (device, inode) is one of them.
  const std::string* Find(dev_t device, ino_t inode) const;

 private:
  std::map<std::pair<dev_t, ino_t>, std::string> files_;
};

using WriteFn = std::function<Status(std::ostream&)>;

// Writes what |write| produces to |path| by the rules above. Errors:
// kInvalidArgument for a path that must not be written (an input, a
// directory, a dangling link), kIoError with the system's reason for a
// failed create, write or rename. |write|'s own error is returned as is, and
// the temporary is removed: the old file is untouched.
Status WriteOutputFile(const std::string& path, const ProtectedFiles& inputs, const WriteFn& write);

// The same for a whole buffer; parent directories are created (batch outputs).
Status WriteOutputFile(const std::string& path, const ProtectedFiles& inputs, std::string_view content);

// Writes what |write| produces to an open file descriptor (standard output),
// reporting a failed write with the system's reason under |name|.
Status WriteToDescriptor(int fd, const std::string& name, const WriteFn& write);

// The suffix of the temporary an output is written under: "PATH.tmp.PID".
std::string TemporaryName(const std::string& path);

}  // namespace align
