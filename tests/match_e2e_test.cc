// talign terms end to end: the binary on a small file, text and jsonl output,
// the default termbase, and errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

struct Result {
  int code = -1;
  std::string out;
};

Result Talign(const std::string& args) {
  const std::string command = std::string(TALIGN_BINARY) + " " + args + " 2>/dev/null";
  Result r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string Write(const std::string& name, const std::string& bytes) {
  const auto path = std::filesystem::temp_directory_path() / ("talign_match_e2e_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

TEST(TermsCommand, JsonlSpansAreTheOriginalBytes) {
  const std::string text = "\xEF\xBB\xBFThe two sides support the Belt and Road Initiative.\r\n\r\n"
                           "They agreed on Chinese modernisation and core interest.\r\n";
  const std::string lexicon = Write("terms.tsv",
                                    "bri\ten\tBelt and Road Initiative\tpreferred\t\n"
                                    "cm\ten\tChinese modernization\tpreferred\t\n"
                                    "ci\ten\tcore interests\tpreferred\t\n");
  const std::string file = Write("doc.en.txt", text);
  Result r = Talign("terms --lexicon " + lexicon + " --format jsonl " + file);
  ASSERT_EQ(r.code, 0);
  std::istringstream lines(r.out);
  std::string line;
  std::vector<std::string> concepts;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    concepts.push_back(j["concept"]);
    const size_t begin = j["begin"], end = j["end"];
    EXPECT_EQ(text.substr(begin, end - begin), j["matched"].get<std::string>());
  }
  EXPECT_EQ(concepts, (std::vector<std::string>{"bri", "cm", "ci"}));
}

TEST(TermsCommand, DefaultTermbaseAndDetectedLanguage) {
  const std::string file = Write("doc.zh.txt", "双方同意推进“一带一路”倡议和中巴经济走廊建设。\n");
  Result r = Talign("terms " + file);
  ASSERT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("belt_and_road_initiative\tpreferred\t“一带一路”倡议\t“一带一路”倡议"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\tcpec\t"), std::string::npos) << r.out;
}

TEST(TermsCommand, Errors) {
  EXPECT_EQ(Talign("terms /no/such/file.txt").code, 2);
  const std::string file = Write("ok.txt", "text\n");
  EXPECT_EQ(Talign("terms --lang xx " + file).code, 2);
  EXPECT_EQ(Talign("terms --lexicon /no/such/lexicon.tsv " + file).code, 2);
  const std::string bad = Write("bad.tsv", "only-one-column\n");
  EXPECT_EQ(Talign("terms --lexicon " + bad + " " + file).code, 2);
}

}  // namespace
