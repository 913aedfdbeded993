#pragma once

#include "render/bulletin.hpp"
#include "render/output.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace parkpress::write {

/// A tool the PDF bulletins need is missing: the message names the Debian package.
class ToolError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Checks that pandoc, xelatex, ctex, rsvg-convert and the Noto CJK fonts are installed;
/// throws ToolError with a one-line message naming the package to install.
void check_pdf_tools();

struct PdfJob {
    std::string id;          ///< the bulletin's id
    std::string file;        ///< its content file, for messages: bulletins/<id>.toml
    std::string date;        ///< its date, YYYY-MM-DD: the PDF's timestamps (SOURCE_DATE_EPOCH)
    render::BulletinSources sources;
};

struct PdfResult {
    std::string id;
    std::string pdf;   ///< the PDF's bytes, when it was built
    std::string error; ///< otherwise why not: the bulletin file and the lines of the log that matter
};

/// Builds each bulletin's PDF in a temporary folder of its own: the charts through
/// rsvg-convert, then one `pandoc -f json --pdf-engine=xelatex` run with the theme's
/// bulletin.latex, no shell escape and paranoid file access for TeX. Runs up to `jobs`
/// bulletins at once. A character the fonts lack fails the bulletin.
std::vector<PdfResult> build_pdfs(const std::vector<PdfJob>& jobs, const std::filesystem::path& theme_dir, int parallel);

/// The PDF with both halves of its trailer /ID set to the second (content-derived) one.
std::string stable_id(std::string pdf);

/// Seconds since 1970 of a YYYY-MM-DD date at 00:00 UTC.
long long epoch_of(const std::string& date);

/// From pandoc's and xelatex's messages, the characters reported missing in the fonts:
/// "≈ (U+2248)".
std::vector<std::string> missing_characters(const std::string& log);

} // namespace parkpress::write
