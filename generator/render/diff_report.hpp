#pragma once

#include "compute/diff.hpp"

#include <string>

namespace parkpress::render {

/// One side of a diff as the user named it. Both empty: the working tree.
struct DiffSide {
    std::string revision; ///< as written: "HEAD~3", "v1.0"
    std::string commit;   ///< its full commit id
};

/// "HEAD~3 (1a2b3c4)" or "the working tree".
std::string side_text(const DiffSide& side);

/// The summary line: "3 parks changed (1 added); facts: 2 added, 5 changed; sources: 1 added",
/// or "no changes" for an empty diff.
std::string diff_summary(const compute::ContentDiff& diff);

/// For the terminal: a heading, the parks by province with one line per figure ("~ fact
/// signed_investment 签约金额, 2023: 21.435002亿元 → 25亿元"), the other files, and the summary
/// line. Control characters from the content are replaced, so they cannot drive a terminal.
std::string diff_text(const compute::ContentDiff& diff, const DiffSide& from, const DiffSide& to);

/// For a pull request: a heading per park with a table of its figures, lists for the rest.
/// Every text from the content is escaped, so it shows as written and never as Markdown.
std::string diff_markdown(const compute::ContentDiff& diff, const DiffSide& from, const DiffSide& to);

/// For tools: the format is described in docs/diff.md (format version 1).
std::string diff_json(const compute::ContentDiff& diff, const DiffSide& from, const DiffSide& to);

} // namespace parkpress::render
