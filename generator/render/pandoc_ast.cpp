#include "render/pandoc_ast.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstring>

namespace parkpress::render::pandoc {
namespace {

Json attr(std::string_view id = {}) { return Json::array({std::string(id), Json::array(), Json::array()}); }

Json node(std::string_view type, Json content) { return Json{{"t", std::string(type)}, {"c", std::move(content)}}; }

Json node(std::string_view type) { return Json{{"t", std::string(type)}}; }

Json align_json(Align a) {
    switch (a) {
    case Align::left: return node("AlignLeft");
    case Align::right: return node("AlignRight");
    case Align::center: return node("AlignCenter");
    case Align::standard: return node("AlignDefault");
    }
    return node("AlignDefault");
}

Json cell(const Inlines& content) {
    return Json::array({attr(), node("AlignDefault"), 1, 1, Json::array({plain(content)})});
}

Json row(const std::vector<Inlines>& cells) {
    Json out = Json::array();
    for (const auto& c : cells) {
        out.push_back(cell(c));
    }
    return Json::array({attr(), out});
}

std::string literal(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s != nullptr ? s : "";
}

/// LaTeX nests lists and quotes at most 6 deep (enumerate and itemize 4 each) and TeX groups
/// at most 255 deep. Deeper containers in a narrative are flattened into their content, so a
/// hostile nesting makes a flat PDF instead of a failed one.
constexpr int k_max_block_depth = 4;
constexpr int k_max_inline_depth = 16;

Inlines inlines_of(cmark_node* parent, bool keep_links, int depth);

Inlines inline_of(cmark_node* n, bool keep_links, int depth) {
    const cmark_node_type type = cmark_node_get_type(n);
    const char* type_name = cmark_node_get_type_string(n);
    switch (type) {
    case CMARK_NODE_TEXT: return text(literal(n));
    case CMARK_NODE_SOFTBREAK: return {node("Space")};
    case CMARK_NODE_LINEBREAK: return {node("LineBreak")};
    case CMARK_NODE_CODE: return {code(literal(n))};
    default: break;
    }
    Inlines content = inlines_of(n, keep_links, depth + 1);
    if (depth >= k_max_inline_depth) {
        return content;
    }
    switch (type) {
    case CMARK_NODE_EMPH: return {emph(std::move(content))};
    case CMARK_NODE_STRONG: return {strong(std::move(content))};
    case CMARK_NODE_LINK: {
        const char* url = cmark_node_get_url(n);
        const char* title = cmark_node_get_title(n);
        if (!keep_links || url == nullptr) {
            return content;
        }
        return {link(std::move(content), url, title != nullptr ? title : "")};
    }
    case CMARK_NODE_IMAGE: return content;    // its description
    case CMARK_NODE_HTML_INLINE: return {};   // raw HTML never passes
    default: break;
    }
    if (type_name != nullptr && std::strcmp(type_name, "strikethrough") == 0) {
        return {node("Strikeout", std::move(content))};
    }
    return content; // unknown inline containers: their content
}

Inlines inlines_of(cmark_node* parent, bool keep_links, int depth) {
    Inlines out;
    for (cmark_node* c = cmark_node_first_child(parent); c != nullptr; c = cmark_node_next(c)) {
        for (auto& i : inline_of(c, keep_links, depth)) {
            out.push_back(std::move(i));
        }
    }
    return out;
}

Blocks blocks_of(cmark_node* parent, bool keep_links, int depth);

Json table_of(cmark_node* n, bool keep_links) {
    const uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
    const uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
    std::vector<Column> specs;
    for (uint16_t i = 0; i < columns; ++i) {
        const uint8_t a = aligns != nullptr ? aligns[i] : 0;
        specs.push_back({a == 'l' ? Align::left : a == 'r' ? Align::right : a == 'c' ? Align::center : Align::standard, 0});
    }
    std::vector<Inlines> head;
    std::vector<std::vector<Inlines>> rows;
    for (cmark_node* r = cmark_node_first_child(n); r != nullptr; r = cmark_node_next(r)) {
        std::vector<Inlines> cells;
        for (cmark_node* c = cmark_node_first_child(r); c != nullptr; c = cmark_node_next(c)) {
            cells.push_back(inlines_of(c, keep_links, 0));
        }
        cells.resize(columns);
        if (cmark_gfm_extensions_get_table_row_is_header(r) != 0) {
            head = std::move(cells);
        } else {
            rows.push_back(std::move(cells));
        }
    }
    return table({}, specs, head, rows);
}

std::vector<Json> block_of(cmark_node* n, bool keep_links, int depth) {
    const cmark_node_type type = cmark_node_get_type(n);
    const char* type_name = cmark_node_get_type_string(n);
    const bool flat = depth >= k_max_block_depth;
    switch (type) {
    case CMARK_NODE_PARAGRAPH: return {para(inlines_of(n, keep_links, 0))};
    case CMARK_NODE_HEADING: return {header(cmark_node_get_heading_level(n), "", inlines_of(n, keep_links, 0))};
    case CMARK_NODE_BLOCK_QUOTE: {
        Blocks content = blocks_of(n, keep_links, depth + 1);
        return flat ? content : Blocks{node("BlockQuote", std::move(content))};
    }
    case CMARK_NODE_CODE_BLOCK: return {code_block(literal(n))};
    case CMARK_NODE_THEMATIC_BREAK: return {node("HorizontalRule")};
    case CMARK_NODE_HTML_BLOCK: return {}; // raw HTML never passes
    case CMARK_NODE_LIST: {
        std::vector<Blocks> items;
        Blocks all;
        for (cmark_node* item = cmark_node_first_child(n); item != nullptr; item = cmark_node_next(item)) {
            items.push_back(blocks_of(item, keep_links, depth + 1));
            if (flat) {
                all.insert(all.end(), std::make_move_iterator(items.back().begin()), std::make_move_iterator(items.back().end()));
            }
        }
        if (flat) {
            return all;
        }
        return {cmark_node_get_list_type(n) == CMARK_ORDERED_LIST ? ordered_list(items) : bullet_list(items)};
    }
    default: break;
    }
    if (type_name != nullptr && std::strcmp(type_name, "table") == 0) {
        return {table_of(n, keep_links)};
    }
    return blocks_of(n, keep_links, depth);
}

Blocks blocks_of(cmark_node* parent, bool keep_links, int depth) {
    Blocks out;
    for (cmark_node* c = cmark_node_first_child(parent); c != nullptr; c = cmark_node_next(c)) {
        for (auto& b : block_of(c, keep_links, depth)) {
            out.push_back(std::move(b));
        }
    }
    return out;
}

} // namespace

namespace {
/// TeX reads a line of at most 200,000 bytes (buf_size), and Pandoc breaks lines only between
/// words: a longer run without a space (only hostile text has one) is cut into pieces of this
/// size, at character boundaries, with a line break between them.
constexpr std::size_t k_max_run = 8000;

/// Where to cut `s` at or before `limit` bytes without splitting a UTF-8 sequence.
std::size_t cut_at(std::string_view s, std::size_t limit) {
    std::size_t end = std::min(limit, s.size());
    while (end > 0 && end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
        --end;
    }
    return end == 0 ? std::min(limit, s.size()) : end;
}

void push_word(Inlines& out, std::string_view word) {
    while (word.size() > k_max_run) {
        const std::size_t end = cut_at(word, k_max_run);
        out.push_back(str(word.substr(0, end)));
        out.push_back(node("SoftBreak"));
        word.remove_prefix(end);
    }
    out.push_back(str(word));
}
} // namespace

Inlines text(std::string_view s) {
    Inlines out;
    std::size_t start = 0;
    bool pending_space = false;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        const bool space = i == s.size() || s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
        if (!space) {
            continue;
        }
        if (i > start) {
            if (pending_space) {
                out.push_back(node("Space"));
            }
            push_word(out, s.substr(start, i - start));
            pending_space = false;
        }
        pending_space = pending_space || !out.empty();
        start = i + 1;
    }
    return out;
}

Json str(std::string_view s) { return node("Str", std::string(s)); }
Json emph(Inlines content) { return node("Emph", std::move(content)); }
Json strong(Inlines content) { return node("Strong", std::move(content)); }
Json superscript(Inlines content) { return node("Superscript", std::move(content)); }
Json code(std::string_view s) {
    if (s.size() <= k_max_run) {
        return node("Code", Json::array({attr(), std::string(s)}));
    }
    Inlines pieces; // a hostile code span: pieces on lines of their own (see k_max_run)
    while (!s.empty()) {
        const std::size_t end = cut_at(s, k_max_run);
        pieces.push_back(node("Code", Json::array({attr(), std::string(s.substr(0, end))})));
        pieces.push_back(node("SoftBreak"));
        s.remove_prefix(end);
    }
    pieces.pop_back();
    return node("Span", Json::array({attr(), std::move(pieces)}));
}

Json code_block(std::string_view s) {
    std::string wrapped; // lines longer than k_max_run are wrapped
    while (!s.empty()) {
        const std::size_t newline = s.find('\n');
        std::string_view line = s.substr(0, newline);
        s.remove_prefix(newline == std::string_view::npos ? s.size() : newline + 1);
        while (line.size() > k_max_run) {
            const std::size_t end = cut_at(line, k_max_run);
            wrapped.append(line.substr(0, end)).push_back('\n');
            line.remove_prefix(end);
        }
        wrapped.append(line);
        if (newline != std::string_view::npos) {
            wrapped.push_back('\n');
        }
    }
    return node("CodeBlock", Json::array({attr(), std::move(wrapped)}));
}

Json link(Inlines content, std::string_view target, std::string_view title) {
    return node("Link", Json::array({attr(), std::move(content), Json::array({std::string(target), std::string(title)})}));
}

Json span(std::string_view id, Inlines content) { return node("Span", Json::array({attr(id), std::move(content)})); }

Json para(Inlines content) { return node("Para", std::move(content)); }
Json plain(Inlines content) { return node("Plain", std::move(content)); }

Json header(int level, std::string_view id, Inlines content) {
    return node("Header", Json::array({level, attr(id), std::move(content)}));
}

Json bullet_list(const std::vector<Blocks>& items) {
    Json out = Json::array();
    for (const auto& item : items) {
        out.push_back(item);
    }
    return node("BulletList", out);
}

Json ordered_list(const std::vector<Blocks>& items) {
    Json out = Json::array();
    for (const auto& item : items) {
        out.push_back(item);
    }
    return node("OrderedList", Json::array({Json::array({1, node("Decimal"), node("Period")}), out}));
}

Json figure(std::string_view path, Inlines caption) {
    return para({node("Image", Json::array({attr(), std::move(caption), Json::array({std::string(path), "fig:"})}))});
}

Json table(Inlines caption, const std::vector<Column>& columns, const std::vector<Inlines>& head,
           const std::vector<std::vector<Inlines>>& rows) {
    Json specs = Json::array();
    for (const auto& c : columns) {
        specs.push_back(Json::array({align_json(c.align), c.width > 0 ? node("ColWidth", c.width) : node("ColWidthDefault")}));
    }
    Json caption_blocks = Json::array();
    if (!caption.empty()) {
        caption_blocks.push_back(plain(std::move(caption)));
    }
    Json body_rows = Json::array();
    for (const auto& r : rows) {
        body_rows.push_back(row(r));
    }
    Json head_rows = Json::array();
    if (!head.empty()) {
        head_rows.push_back(row(head));
    }
    return node("Table", Json::array({attr(), Json::array({nullptr, caption_blocks}), specs,
                                      Json::array({attr(), head_rows}),
                                      Json::array({Json::array({attr(), 0, Json::array(), body_rows})}),
                                      Json::array({attr(), Json::array()})}));
}

Json meta_string(std::string_view s) { return node("MetaString", std::string(s)); }
Json meta_inlines(std::string_view s) { return node("MetaInlines", text(s)); }
Json meta_bool(bool b) { return node("MetaBool", b); }

Json document(const std::vector<std::pair<std::string, Json>>& meta, Blocks blocks) {
    Json m = Json::object();
    for (const auto& [key, value] : meta) {
        m[key] = value;
    }
    Json b = Json::array();
    for (auto& block : blocks) {
        b.push_back(std::move(block));
    }
    return Json{{"pandoc-api-version", Json::array({k_api_version[0], k_api_version[1], k_api_version[2], k_api_version[3]})},
                {"meta", m},
                {"blocks", b}};
}

Blocks from_cmark(cmark_node* root, bool keep_links) { return blocks_of(root, keep_links, 0); }

} // namespace parkpress::render::pandoc
