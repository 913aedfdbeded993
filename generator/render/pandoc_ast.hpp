#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct cmark_node;

/// Builders for Pandoc's JSON document model (pandoc-types 1.22, Pandoc 2.17), so that a
/// bulletin reaches Pandoc as a finished document: Pandoc parses no Markdown and no raw TeX,
/// and there is none unless these functions write it (they never do).
namespace parkpress::render::pandoc {

using Json = nlohmann::ordered_json;
using Inlines = std::vector<Json>;
using Blocks = std::vector<Json>;

inline constexpr int k_api_version[] = {1, 22, 2, 1};

/// Text as inlines: Str words with Space between them (a line break becomes a Space). A run
/// of more than 8,000 bytes without a space is cut, at a character boundary, by SoftBreaks.
Inlines text(std::string_view s);
Json str(std::string_view s);
Json emph(Inlines content);
Json strong(Inlines content);
Json superscript(Inlines content);
Json code(std::string_view s);
/// A code block; lines too long for TeX are wrapped.
Json code_block(std::string_view s);
/// A link; `target` is a URL or "#id".
Json link(Inlines content, std::string_view target, std::string_view title = {});
/// An inline with an identifier (a link target).
Json span(std::string_view id, Inlines content);

Json para(Inlines content);
Json plain(Inlines content);
Json header(int level, std::string_view id, Inlines content);
Json bullet_list(const std::vector<Blocks>& items);
Json ordered_list(const std::vector<Blocks>& items);
/// A figure: an image alone in a paragraph with a caption.
Json figure(std::string_view path, Inlines caption);

enum class Align { left, right, center, standard };
struct Column {
    Align align = Align::standard;
    double width = 0; ///< fraction of the line width; 0 lets Pandoc size it
};
/// A table with one header row; cells are inline content.
Json table(Inlines caption, const std::vector<Column>& columns, const std::vector<Inlines>& head,
           const std::vector<std::vector<Inlines>>& rows);

/// A whole document: metadata as strings (or booleans), and blocks.
Json document(const std::vector<std::pair<std::string, Json>>& meta, Blocks blocks);
Json meta_string(std::string_view s);
Json meta_inlines(std::string_view s);
Json meta_bool(bool b);

/// A cmark-gfm document (already made safe by NarrativeDocument) as Pandoc blocks. Raw
/// HTML is dropped; images become their description; links keep only their text when
/// `keep_links` is false.
Blocks from_cmark(cmark_node* root, bool keep_links);

} // namespace parkpress::render::pandoc
