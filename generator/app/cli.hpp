#pragma once

#include "core/diagnostics.hpp"
#include "load/content_loader.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace parkpress::app {

/// Exit statuses: 0 ok, 1 content errors, 2 usage or environment errors.
enum ExitCode : int { k_exit_ok = 0, k_exit_content = 1, k_exit_usage = 2 };

/// Runs parkpress with its arguments (argv without the program name); writes diagnostics
/// to `err` and results to `out`. Returns the exit status.
/// `process_ends`: the process exits when this returns (main), so a build leaves its data to
/// the exit (core::leave_to_exit) instead of taking it apart.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool process_ends = false);

struct BuildOptions {
    std::string content_dir = "content";
    std::string out_dir = "site";
    std::string theme_dir = "themes/default";
    bool strict = false;
    bool no_pdf = false; ///< skip the bulletins' PDFs (their HTML editions are still built)
    int jobs = 0;        ///< bulletins rendered at once; 0: the number of cores
    bool verbose = false; ///< print the time of each stage
    bool progress = false; ///< show a progress line (on a terminal)
    int changes = 10;      ///< commits on the changes page; 0: no changes page
    bool process_ends = false; ///< the process exits after the build: its data is left to the exit
};

/// `parkpress build`: checks, renders the site and swaps it into the output folder.
int build(const BuildOptions& options, std::ostream& out, std::ostream& err);

/// `parkpress check DIR`: loads and validates; prints every diagnostic and a summary line.
int check(const std::string& content_dir, bool strict, std::ostream& out, std::ostream& err);

/// Prints each diagnostic as FILE:LINE:COLUMN with its source line from `content`'s texts.
void print_diagnostics(const core::Diagnostics& diagnostics, const load::LoadedContent& content, std::ostream& err);

} // namespace parkpress::app
