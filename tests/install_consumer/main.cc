// Consumes the installed talign package: segments a string with the
// installed rules and checks that two sentences come out.
#include <iostream>

#include "align/segment.h"

int main() {
  auto doc = align::Document::FromString("inline", "Mr. Li arrived. He met the press.");
  if (!doc.ok()) return 1;
  auto segmenter = align::Segmenter::Create(align::Language::kEnglish);
  if (!segmenter.ok()) {
    std::cerr << segmenter.status().message() << '\n';
    return 1;
  }
  size_t n = (*segmenter)->Split(*doc).size();
  std::cout << "sentences: " << n << '\n';
  return n == 2 ? 0 : 1;
}
