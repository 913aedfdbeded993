#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace parkpress::load {

/// Why content cannot be read from git (exit status 2): git missing, not a repository, an
/// unknown revision, no content folder at that revision.
class GitError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Where a content folder is in its git repository.
struct GitContent {
    std::filesystem::path top; ///< the work tree's top folder
    std::string path;          ///< the content folder inside it, '/'-separated; "" for the top itself
    bool shallow = false;      ///< a shallow clone, which lacks older commits
};

/// Finds the repository that holds `content_dir`, which need not exist in the working tree
/// (it may exist only in commits). Throws GitError when it is not inside a git work tree.
GitContent locate_git_content(const std::filesystem::path& content_dir);

/// The full id of the commit a revision names ("HEAD~3", a tag, a branch, an id).
/// Throws GitError naming the revision when the repository does not have it.
std::string resolve_commit(const GitContent& where, const std::string& revision);

/// A commit's first parent, committer date and subject, as `git log` gives them.
struct CommitDescription {
    std::string id;
    std::string parent;  ///< its first parent ("" for a root commit)
    std::string date;    ///< "2024-03-01": the committer's date, as the committer wrote it
    std::string subject; ///< the first line of its message
};

/// Describes each of `commits` (full ids, as resolve_commit() gives them), in their order,
/// with one git process. Throws GitError when git cannot.
std::vector<CommitDescription> describe_commits(const GitContent& where, const std::vector<std::string>& commits);

/// The id of the content folder's tree at each of `commits` ("" where there is none), with one
/// git process: two commits with the same tree have the same content.
std::vector<std::string> content_trees(const GitContent& where, const std::vector<std::string>& commits);

/// The content folder as committed: its files copied from git into a temporary folder
/// (byte for byte, symbolic links as links), removed when this object is destroyed.
/// Two git processes whatever the number of files: `git ls-tree` and `git cat-file --batch`.
class ContentAtCommit {
public:
    /// `commit` as resolve_commit() gives it; `revision` as the user wrote it, for messages.
    /// Throws GitError when the commit has no content folder, or has a path that is unsafe.
    ContentAtCommit(const GitContent& where, const std::string& revision, const std::string& commit);
    ~ContentAtCommit();
    ContentAtCommit(const ContentAtCommit&) = delete;
    ContentAtCommit& operator=(const ContentAtCommit&) = delete;

    /// The content folder in the temporary folder.
    [[nodiscard]] const std::filesystem::path& root() const { return m_root; }

private:
    std::filesystem::path m_temp;
    std::filesystem::path m_root;
};

} // namespace parkpress::load
