// Paragraphs as evidence of an omitted sentence.
//
// Official translations keep their source's paragraphs. Where two versions'
// paragraphs correspond one to one (every bead with both sides starts a
// paragraph in both or in neither, and holds as many paragraph breaks in
// each), a bead that holds two whole paragraphs of one version against one
// whole paragraph of the other is the exception that needs explaining: one
// of the two has no counterpart, and the aligner joined it to its
// neighbour. The coverage rules (check_coverage.cc) then need less evidence
// from the words to say which one. Presegmented input has no paragraphs
// (each line is its own), so it never takes this route.
#include "check_internal.h"

namespace align::internal {
namespace {

// How a side of a bead sits among its version's paragraphs.
struct Shape {
  bool starts = false;  // its first sentence begins a paragraph
  bool ends = false;    // its last sentence ends one
  size_t breaks = 0;    // paragraph breaks inside it
};

bool BeginsParagraph(const AlignInput& input, size_t s) {
  return s == 0 || s >= input.sentences.size() || input.sentences[s].paragraph != input.sentences[s - 1].paragraph;
}

Shape ShapeOf(const CheckContext& ctx, size_t bead, size_t v) {
  const AlignInput& input = ctx.aligned.versions[v];
  const SentenceRange& side = ctx.side(bead, v);
  Shape shape;
  shape.starts = BeginsParagraph(input, side.begin);
  shape.ends = BeginsParagraph(input, side.end);
  for (uint32_t s = side.begin + 1; s < side.end; ++s) shape.breaks += BeginsParagraph(input, s);
  return shape;
}

// Two whole paragraphs of |wide| against one whole paragraph of |narrow|.
bool OneParagraphTooMany(const Shape& wide, const Shape& narrow) {
  return wide.starts && wide.ends && narrow.starts && narrow.ends && wide.breaks == 1 && narrow.breaks == 0;
}

}  // namespace

std::vector<bool> ExtraParagraphBeads(const CheckContext& ctx, size_t v, size_t o) {
  const size_t beads = ctx.beads().size();
  std::vector<bool> extra(beads, false);
  if (ctx.aligned.settings.presegmented || ctx.config.paragraph_min_agreeing == 0) return extra;
  size_t agreeing_starts = 0;
  bool any = false;
  for (size_t b = 0; b < beads; ++b) {
    if (ctx.side(b, v).empty() || ctx.side(b, o).empty()) continue;
    const Shape x = ShapeOf(ctx, b, v), y = ShapeOf(ctx, b, o);
    if (OneParagraphTooMany(x, y) || OneParagraphTooMany(y, x)) {
      extra[b] = any = true;
      continue;
    }
    // Any other difference: the versions are paragraphed differently, and
    // a joined paragraph says nothing.
    if (x.starts != y.starts || x.breaks != y.breaks) return std::vector<bool>(beads, false);
    agreeing_starts += x.starts;
  }
  // A few paragraphs that agree could agree by chance.
  if (!any || agreeing_starts < ctx.config.paragraph_min_agreeing) return std::vector<bool>(beads, false);
  return extra;
}

bool AloneInParagraph(const CheckContext& ctx, size_t v, size_t s) {
  const AlignInput& input = ctx.aligned.versions[v];
  return BeginsParagraph(input, s) && BeginsParagraph(input, s + 1);
}

}  // namespace align::internal
