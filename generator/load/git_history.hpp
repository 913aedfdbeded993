#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace parkpress::load {

/// A commit that changed the content folder.
struct ContentCommit {
    std::string id;      ///< the full commit id
    std::string date;    ///< the committer's date as the committer wrote it, "2024-03-01"
    std::int64_t time = 0; ///< the same moment in seconds since 1970 (UTC)
    std::string subject; ///< the first line of the message
    std::vector<std::string> files; ///< content-relative paths it added, changed or removed
};

/// The git history of a content folder, read with one `git log` over the whole history (and
/// one `git status` for files not committed yet). When the folder is not in a git work tree,
/// git is missing, or the clone is shallow (its oldest commits would claim changes they did
/// not make), `known` is false and nothing is said about dates.
class ContentHistory {
public:
    ContentHistory() = default;
    /// Reads the history of `content_dir`. Never throws: any git failure gives an empty,
    /// unknown history.
    static ContentHistory read(const std::filesystem::path& content_dir);
    /// From `git log` output (see read()) and the uncommitted files: for tests.
    static ContentHistory parse(std::string_view log, std::string_view content_path, std::set<std::string> dirty);

    [[nodiscard]] bool known() const { return m_known; }
    /// Commits that changed the content, newest first.
    [[nodiscard]] const std::vector<ContentCommit>& commits() const { return m_commits; }
    /// The newest commit that changed `file` (content-relative); nullptr if none did, or if
    /// the file has changes not committed yet (its date would be wrong), or history is unknown.
    [[nodiscard]] const ContentCommit* last_change(const std::string& file) const;
    /// The newest of the last changes of `files` ("" when none is known).
    [[nodiscard]] std::string last_date(const std::vector<std::string>& files) const;
    /// What the history says, in a few words that change whenever a date could: the newest
    /// commit's id and the uncommitted files. For the build's fingerprint.
    [[nodiscard]] std::string summary() const;

private:
    bool m_known = false;
    std::vector<ContentCommit> m_commits;
    std::map<std::string, std::size_t> m_last; ///< file -> index in m_commits
    std::set<std::string> m_dirty;
};

} // namespace parkpress::load
