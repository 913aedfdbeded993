#include "app/diff_command.hpp"

#include "app/cli.hpp"
#include "compute/diff.hpp"
#include "load/content_loader.hpp"
#include "load/git_content.hpp"
#include "load/placeholders.hpp"
#include "load/validate.hpp"
#include "render/diff_report.hpp"

#include <fmt/core.h>

#include <filesystem>
#include <optional>
#include <ostream>

namespace parkpress::app {
namespace {
namespace fs = std::filesystem;

struct Sides {
    std::string from;
    std::optional<std::string> to; ///< nullopt: the working tree
    std::string content_dir = "content";
};

/// REV, REV REV2, REV CONTENT_DIR or REV REV2 CONTENT_DIR. With two arguments the second is
/// the content folder when it is a folder, else REV2; a folder that is also a revision is
/// ambiguous, as it is for git (write ./content for the folder).
Sides resolve_arguments(const std::vector<std::string>& args) {
    Sides sides;
    sides.from = args.at(0);
    if (args.size() == 3) {
        sides.to = args[1];
        sides.content_dir = args[2];
    } else if (args.size() == 2) {
        std::error_code ec;
        if (!fs::is_directory(args[1], ec)) {
            sides.to = args[1];
        } else {
            sides.content_dir = args[1];
            bool revision = false;
            try {
                revision = !load::resolve_commit(load::locate_git_content(args[1]), args[1]).empty();
            } catch (const load::GitError&) {
            }
            if (revision) {
                throw load::GitError(fmt::format("\"{0}\" is both a folder and a revision: write ./{0} for the "
                                                 "folder, or give both revisions and the folder",
                                                 args[1]));
            }
        }
    }
    return sides;
}

/// Loads and validates one side; prints its errors (not its warnings: they are not what a
/// diff is about) with the side they are in. nullopt when it has errors.
std::optional<load::LoadedContent> load_side(const fs::path& root, const std::string& side, std::ostream& err) {
    core::Diagnostics diagnostics;
    auto content = load::load_content(root, diagnostics);
    load::validate(content.model, diagnostics);
    load::check_placeholders(content.texts, diagnostics);
    if (!diagnostics.has_errors()) {
        return content;
    }
    diagnostics.sort();
    core::Diagnostics errors;
    for (const auto& d : diagnostics.all()) {
        if (d.severity == core::Severity::error) {
            errors.error(d.where, d.message);
        }
    }
    print_diagnostics(errors, content, err);
    err << fmt::format("parkpress: {} {} in the content of {}; nothing was compared\n", errors.error_count(),
                       errors.error_count() == 1 ? "error" : "errors", side);
    return std::nullopt;
}

} // namespace

int diff(const DiffOptions& options, std::ostream& out, std::ostream& err) {
    try {
        const Sides sides = resolve_arguments(options.arguments);
        const auto where = load::locate_git_content(sides.content_dir);
        render::DiffSide from{sides.from, load::resolve_commit(where, sides.from)};
        render::DiffSide to;
        if (sides.to) {
            to = {*sides.to, load::resolve_commit(where, *sides.to)};
        }
        std::optional<load::LoadedContent> before;
        {
            const load::ContentAtCommit files(where, from.revision, from.commit);
            before = load_side(files.root(), "revision " + render::side_text(from), err);
        }
        std::optional<load::LoadedContent> after;
        if (sides.to) {
            const load::ContentAtCommit files(where, to.revision, to.commit);
            after = load_side(files.root(), "revision " + render::side_text(to), err);
        } else {
            after = load_side(sides.content_dir, fmt::format("the working tree ({})", sides.content_dir), err);
        }
        if (!before || !after) {
            return k_exit_content;
        }
        const auto changes = compute::diff(before->model, after->model);
        if (options.format == "json") {
            out << render::diff_json(changes, from, to);
        } else if (options.format == "markdown") {
            out << render::diff_markdown(changes, from, to);
        } else {
            out << render::diff_text(changes, from, to);
        }
        return k_exit_ok;
    } catch (const load::GitError& e) {
        err << "parkpress: " << e.what() << '\n';
        return k_exit_usage;
    } catch (const load::ContentFolderError& e) {
        err << "parkpress: " << e.what() << '\n';
        return k_exit_usage;
    }
}

} // namespace parkpress::app
