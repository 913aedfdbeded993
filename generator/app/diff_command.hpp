#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace parkpress::app {

struct DiffOptions {
    /// REV, REV REV2, REV CONTENT_DIR or REV REV2 CONTENT_DIR, as given. With two, the second
    /// is CONTENT_DIR when it is a folder (and not also a revision: that is ambiguous).
    std::vector<std::string> arguments;
    std::string format = "text"; ///< text, json or markdown
};

/// `parkpress diff REV [REV2] [CONTENT_DIR]`: loads the content at REV and at REV2 (default:
/// the working tree), and prints what changed. Exit 0 whether or not anything changed, 1 when
/// the content of either side has errors, 2 for git problems (not a repository, unknown
/// revision, no content folder at that revision).
int diff(const DiffOptions& options, std::ostream& out, std::ostream& err);

} // namespace parkpress::app
