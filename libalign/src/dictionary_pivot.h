// A dictionary between two languages composed of two dictionaries into a
// third (internal): Chinese→English and Urdu→English give Chinese→Urdu.
//
// Two versions neither of which is English (a Chinese and an Urdu
// statement) have no dictionary of their own, yet each has one into
// English. A Chinese key translates into the Urdu words whose English
// glosses share a content word with its own glosses. Pivoting multiplies
// senses (English "party" is a feast and a political party), so an English
// word that many Urdu words translate into is no bridge: it says nothing
// about which Urdu word renders the key.
#pragma once

#include <memory>

#include "align/dictionary.h"

namespace align::internal {

// A pivot word that more words of |second|'s language than this translate
// into is no bridge.
inline constexpr size_t kMaxPivotFanOut = 2;

// |first| (X→P) and |second| (Y→P) composed into X→Y: nullptr when either
// is not a table dictionary, when their targets differ, or when no key of
// |first| reaches a word of Y.
std::shared_ptr<const Dictionary> ComposeThroughPivot(const Dictionary& first, const Dictionary& second);

}  // namespace align::internal
