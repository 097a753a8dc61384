// The writers of every output: alignments (report_align.h: beads, JSON lines,
// TSV, CSV, TMX, hunalign's ladder) and findings (report_findings.h: text,
// JSON, TSV, CSV, HTML). Include the one you need; this header brings both.
#pragma once

#include "align/report_align.h"
#include "align/report_findings.h"
