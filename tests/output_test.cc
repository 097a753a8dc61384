// Writing outputs (align/output.h) and reading inputs within bounds
// (align/text.h ReadOptions): nothing already on disk is lost.
#include "align/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "align/text.h"
#include "sha256.h"

namespace align {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class OutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "talign-output-XXXXXX").string();
    dir_ = ::mkdtemp(tmpl.data());
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  static void Put(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }
  static std::string Get(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static Status Write(const std::string& path, const std::string& text, const ProtectedFiles& inputs = {}) {
    return WriteOutputFile(path, inputs, [&](std::ostream& out) {
      out << text;
      return Status::Ok();
    });
  }
  // No "PATH.tmp.PID" may be left in the directory.
  void ExpectNoTemporaries() const {
    for (const auto& entry : fs::directory_iterator(dir_)) {
      EXPECT_EQ(entry.path().string().find(".tmp."), std::string::npos) << entry.path();
    }
  }
  std::string dir_;
};

TEST_F(OutputTest, CreatesANewFile) {
  ASSERT_TRUE(Write(Path("new.txt"), "hello\n").ok());
  EXPECT_EQ(Get(Path("new.txt")), "hello\n");
  ExpectNoTemporaries();
}

TEST_F(OutputTest, ReplacingKeepsTheModeOfTheFile) {
  Put(Path("private.txt"), "old");
  ASSERT_EQ(::chmod(Path("private.txt").c_str(), 0600), 0);
  ASSERT_TRUE(Write(Path("private.txt"), "new").ok());
  struct stat st;
  ASSERT_EQ(::stat(Path("private.txt").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_EQ(Get(Path("private.txt")), "new");
  ExpectNoTemporaries();
}

TEST_F(OutputTest, AHardLinkSeesTheNewContent) {
  Put(Path("a.txt"), "old");
  ASSERT_EQ(::link(Path("a.txt").c_str(), Path("b.txt").c_str()), 0);
  ASSERT_TRUE(Write(Path("a.txt"), "new content").ok());
  EXPECT_EQ(Get(Path("b.txt")), "new content");
  struct stat st;
  ASSERT_EQ(::stat(Path("a.txt").c_str(), &st), 0);
  EXPECT_EQ(st.st_nlink, 2u);
  ExpectNoTemporaries();
}

TEST_F(OutputTest, ASymbolicLinkIsFollowedAndKept) {
  Put(Path("target.txt"), "old");
  fs::create_symlink("target.txt", Path("link.txt"));
  ASSERT_TRUE(Write(Path("link.txt"), "new").ok());
  EXPECT_TRUE(fs::is_symlink(Path("link.txt")));
  EXPECT_EQ(Get(Path("target.txt")), "new");
}

TEST_F(OutputTest, RefusesDanglingLinksAndDirectories) {
  fs::create_symlink("missing.txt", Path("dangling.txt"));
  Status s = Write(Path("dangling.txt"), "x");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(fs::exists(Path("missing.txt")));
  fs::create_directory(Path("sub"));
  s = Write(Path("sub"), "x");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("directory"));
  EXPECT_TRUE(fs::is_directory(Path("sub")));
}

TEST_F(OutputTest, AFifoIsWrittenNotReplaced) {
  ASSERT_EQ(::mkfifo(Path("fifo").c_str(), 0600), 0);
  // Open the reading end first (non-blocking) so that the writer does not wait.
  int reader = ::open(Path("fifo").c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  ASSERT_TRUE(Write(Path("fifo"), "through the pipe").ok());
  char buf[64] = {};
  ssize_t got = ::read(reader, buf, sizeof buf);
  ::close(reader);
  EXPECT_EQ(std::string(buf, got > 0 ? static_cast<size_t>(got) : 0), "through the pipe");
  EXPECT_TRUE(fs::is_fifo(Path("fifo")));
}

TEST_F(OutputTest, AnInputIsNeverOverwrittenUnderAnyName) {
  Put(Path("in.txt"), "precious");
  fs::create_symlink("in.txt", Path("alias.txt"));
  ASSERT_EQ(::link(Path("in.txt").c_str(), Path("hard.txt").c_str()), 0);
  ProtectedFiles inputs;
  inputs.Add(Path("in.txt"));
  inputs.Add(Path("does-not-exist.txt"));  // ignored
  for (const char* name : {"in.txt", "alias.txt", "hard.txt", "./in.txt"}) {
    Status s = Write(Path(name), "report", inputs);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << name;
    EXPECT_THAT(s.message(), HasSubstr("input")) << name;
  }
  EXPECT_EQ(Get(Path("in.txt")), "precious");
  EXPECT_TRUE(Write(Path("other.txt"), "report", inputs).ok());
}

TEST_F(OutputTest, TheWritersErrorLeavesTheOldFileAndNoTemporary) {
  Put(Path("keep.txt"), "old");
  Status s = WriteOutputFile(Path("keep.txt"), {}, [](std::ostream& out) {
    out << "half";
    return DataError("the report could not be made");
  });
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_EQ(Get(Path("keep.txt")), "old");
  ExpectNoTemporaries();
}

TEST_F(OutputTest, AWriteErrorCarriesTheSystemsReason) {
  if (::access("/dev/full", W_OK) != 0) GTEST_SKIP() << "no /dev/full";
  Status s = Write("/dev/full", std::string(1 << 20, 'x'));
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_THAT(s.message(), HasSubstr("No space left on device"));
  int fd = ::open("/dev/full", O_WRONLY);
  ASSERT_GE(fd, 0);
  s = WriteToDescriptor(fd, "<stdout>", [](std::ostream& out) {
    out << "x";
    return Status::Ok();
  });
  ::close(fd);
  EXPECT_THAT(s.message(), HasSubstr("<stdout>: write error: No space left on device"));
}

TEST_F(OutputTest, CreatesParentDirectoriesForABuffer) {
  ASSERT_TRUE(WriteOutputFile(Path("a/b/c.json"), {}, std::string_view("{}\n")).ok());
  EXPECT_EQ(Get(Path("a/b/c.json")), "{}\n");
}

TEST(ReadLimits, ARegularFileAboveTheLimitIsRefusedBeforeReading) {
  std::string path = (fs::temp_directory_path() / ("talign-limit-test-" + std::to_string(::getpid()) + ".txt")).string();
  std::ofstream(path) << std::string(5000, 'a');
  auto doc = Document::Load(path, {4096, false});
  EXPECT_EQ(doc.status().code(), StatusCode::kResourceLimit);
  EXPECT_THAT(doc.status().message(), HasSubstr("larger than the input limit of 4 KiB"));
  EXPECT_TRUE(Document::Load(path, {5000, false}).ok());
  fs::remove(path);
}

TEST(ReadLimits, AnEndlessDeviceIsCutAtTheLimit) {
  auto doc = Document::Load("/dev/zero", {1 << 20, false});
  EXPECT_EQ(doc.status().code(), StatusCode::kResourceLimit);
  auto regular = Document::Load("/dev/zero", {1 << 20, true});
  EXPECT_EQ(regular.status().code(), StatusCode::kIoError);
  EXPECT_THAT(regular.status().message(), HasSubstr("character device, not a regular file"));
}

TEST(ReadLimits, AFifoIsRefusedWithoutWaitingWhenOnlyFilesWillDo) {
  std::string path = (fs::temp_directory_path() / ("talign-limit-fifo-" + std::to_string(::getpid()))).string();
  fs::remove(path);
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  auto doc = Document::Load(path, {1 << 20, true});  // would block forever without O_NONBLOCK
  EXPECT_THAT(doc.status().message(), HasSubstr("is a FIFO, not a regular file"));
  fs::remove(path);
}

TEST(ByteSizes, ParseAndFormat) {
  EXPECT_EQ(ParseByteSize("1000"), 1000u);
  EXPECT_EQ(ParseByteSize("512K"), 512u << 10);
  EXPECT_EQ(ParseByteSize("256MiB"), size_t{256} << 20);
  EXPECT_EQ(ParseByteSize("2g"), size_t{2} << 30);
  EXPECT_EQ(ParseByteSize("3GB"), size_t{3} << 30);
  for (const char* bad : {"", "0", "K", "12Q", "-1", "1.5M", "99999999999999999999", "9000000000G", "1 M"}) {
    EXPECT_FALSE(ParseByteSize(bad).has_value()) << bad;
  }
  EXPECT_EQ(FormatBytes(812), "812 bytes");
  EXPECT_EQ(FormatBytes(size_t{256} << 20), "256 MiB");
  EXPECT_EQ(FormatBytes(1536), "1.5 KiB");
}

TEST(Sha256, StreamingEqualsOneShotAtEveryCut) {
  const std::string text = std::string(200, 'x') + "\xE4\xB8\xAD" + std::string(77, 'y');
  const std::string whole = internal::Sha256Hex(text);
  EXPECT_EQ(internal::Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(internal::Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  for (size_t cut = 0; cut <= text.size(); cut += 7) {
    internal::Sha256 sha;
    sha.Update(std::string_view(text).substr(0, cut));
    sha.Update(std::string_view(text).substr(cut));
    std::string hex;
    for (uint8_t b : sha.Finish()) {
      static constexpr char kDigits[] = "0123456789abcdef";
      hex += kDigits[b >> 4];
      hex += kDigits[b & 15];
    }
    EXPECT_EQ(hex, whole) << cut;
  }
}

TEST(StatusOrDeathTest, ValueOfAnErrorAbortsWithItsMessageInEveryBuild) {
  StatusOr<int> failed = DataError("the reason");
  EXPECT_DEATH((void)failed.value(), "the reason");
  EXPECT_DEATH((void)*failed, "the reason");
}

}  // namespace
}  // namespace align
