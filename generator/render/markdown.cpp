#include "render/markdown.hpp"

#include "core/text.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace parkpress::render {
namespace {

// Placeholders for references while cmark-gfm parses: private-use code points that the
// narrative itself cannot contain (they are removed from it first).
constexpr std::string_view k_open = "\xEE\x80\x80";  // U+E000
constexpr std::string_view k_close = "\xEE\x80\x81"; // U+E001

const std::vector<std::string_view> k_extensions{"table", "strikethrough", "autolink", "tagfilter"};

std::string remove_placeholders(std::string text) {
    for (const auto mark : {k_open, k_close}) {
        std::size_t at = 0;
        while ((at = text.find(mark, at)) != std::string::npos) {
            text.erase(at, mark.size());
        }
    }
    return text;
}

/// The narrative with each reference replaced by U+E000 <index> U+E001.
std::string with_placeholders(const model::Narrative& narrative) {
    std::string out;
    std::size_t pos = 0;
    for (std::size_t i = 0; i < narrative.references.size(); ++i) {
        const auto& ref = narrative.references[i];
        out += remove_placeholders(narrative.text.substr(pos, ref.offset - pos));
        out += std::string(k_open) + std::to_string(i) + std::string(k_close);
        pos = ref.offset + ref.length;
    }
    out += remove_placeholders(narrative.text.substr(std::min(pos, narrative.text.size())));
    return out;
}

struct Piece {
    std::string text;
    int reference = -1; ///< index, or -1 for plain text
};

std::vector<Piece> split_placeholders(const std::string& text) {
    std::vector<Piece> pieces;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find(k_open, pos);
        const std::size_t close = open == std::string::npos ? std::string::npos : text.find(k_close, open);
        if (open == std::string::npos || close == std::string::npos) {
            pieces.push_back({text.substr(pos), -1});
            break;
        }
        if (open > pos) {
            pieces.push_back({text.substr(pos, open - pos), -1});
        }
        const std::string index = text.substr(open + k_open.size(), close - open - k_open.size());
        pieces.push_back({"", std::atoi(index.c_str())});
        pos = close + k_close.size();
    }
    return pieces;
}

bool inside(cmark_node* node, cmark_node_type type) {
    for (cmark_node* p = cmark_node_parent(node); p != nullptr; p = cmark_node_parent(p)) {
        if (cmark_node_get_type(p) == type) {
            return true;
        }
    }
    return false;
}

cmark_node* text_node(const std::string& text) {
    cmark_node* n = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(n, text.c_str());
    return n;
}

std::vector<cmark_node*> collect(cmark_node* root, const std::vector<cmark_node_type>& types) {
    std::vector<cmark_node*> nodes;
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type ev = CMARK_EVENT_NONE;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(iter);
        if (ev == CMARK_EVENT_ENTER && std::find(types.begin(), types.end(), cmark_node_get_type(n)) != types.end()) {
            nodes.push_back(n);
        }
    }
    cmark_iter_free(iter);
    return nodes;
}

void replace_references(cmark_node* root, const std::vector<ResolvedReference>& resolved) {
    for (cmark_node* node : collect(root, {CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK})) {
        const char* literal = cmark_node_get_literal(node);
        const std::string text = literal != nullptr ? literal : "";
        if (text.find(k_open) == std::string::npos) {
            continue;
        }
        const auto pieces = split_placeholders(text);
        const bool plain = cmark_node_get_type(node) != CMARK_NODE_TEXT || inside(node, CMARK_NODE_LINK);
        if (plain) {
            std::string joined;
            for (const auto& p : pieces) {
                const bool valid = p.reference >= 0 && static_cast<std::size_t>(p.reference) < resolved.size();
                joined += p.reference < 0 ? p.text : valid ? resolved[static_cast<std::size_t>(p.reference)].text : "";
            }
            cmark_node_set_literal(node, joined.c_str());
            continue;
        }
        for (const auto& p : pieces) {
            if (p.reference < 0) {
                cmark_node_insert_before(node, text_node(p.text));
            } else if (static_cast<std::size_t>(p.reference) < resolved.size()) {
                const auto& r = resolved[static_cast<std::size_t>(p.reference)];
                cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
                cmark_node_set_url(link, r.url.c_str());
                cmark_node_set_title(link, r.title.c_str());
                cmark_node_append_child(link, text_node(r.text));
                cmark_node_insert_before(node, link);
            }
        }
        cmark_node_free(node);
    }
}

/// The first or last code point of the text an inline node shows, or 0.
std::uint32_t edge_char(cmark_node* node, bool last) {
    while (node != nullptr) {
        const cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
            const auto cps = core::code_points(cmark_node_get_literal(node));
            return cps.empty() ? 0 : (last ? cps.back() : cps.front());
        }
        node = last ? cmark_node_last_child(node) : cmark_node_first_child(node);
    }
    return 0;
}

/// Chinese characters and the punctuation used with them (including the curly quotes, dash
/// and ellipsis that Chinese text shares with Western text).
bool is_cjk(std::uint32_t cp) {
    return (cp >= 0x2018 && cp <= 0x201D) || cp == 0x2014 || cp == 0x2026 || cp == 0x00B7 || (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
           || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFD) || (cp >= 0x3000 && cp <= 0x303F);
}

void join_cjk_lines(cmark_node* root) {
    for (cmark_node* brk : collect(root, {CMARK_NODE_SOFTBREAK})) {
        const std::uint32_t before = edge_char(cmark_node_previous(brk), true);
        const std::uint32_t after = edge_char(cmark_node_next(brk), false);
        if (is_cjk(before) && is_cjk(after)) {
            cmark_node_free(brk);
        }
    }
}

bool is_relative(const std::string& url) {
    const std::size_t colon = url.find(':');
    const std::size_t stop = url.find_first_of("/?#");
    return colon == std::string::npos || (stop != std::string::npos && stop < colon);
}

/// Moves a node's children before it and removes it.
void unwrap(cmark_node* node) {
    while (cmark_node* child = cmark_node_first_child(node)) {
        cmark_node_insert_before(node, child);
    }
    cmark_node_free(node);
}

void sanitise(cmark_node* root) {
    for (cmark_node* node : collect(root, {CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_HEADING})) {
        const cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_HEADING) {
            cmark_node_set_heading_level(node, std::min(cmark_node_get_heading_level(node) + 1, 6));
            continue;
        }
        const char* url_c = cmark_node_get_url(node);
        const std::string url = url_c != nullptr ? url_c : "";
        const bool ok = type == CMARK_NODE_LINK ? is_safe_link(url) : is_relative(url) && is_safe_link(url);
        if (!ok) {
            unwrap(node);
        }
    }
}

} // namespace

void prepare_markdown() { cmark_gfm_core_extensions_ensure_registered(); }

bool is_safe_link(const std::string& url) {
    std::string lower;
    for (const char c : url) {
        if (static_cast<unsigned char>(c) > ' ') { // browsers ignore spaces and controls in schemes
            lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
    if (is_relative(lower)) {
        return true;
    }
    return lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:");
}

NarrativeDocument::NarrativeDocument(const model::Narrative& narrative, const Resolver& resolve) {
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (const auto name : k_extensions) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(std::string(name).c_str())) {
            cmark_parser_attach_syntax_extension(parser, ext);
        }
    }
    const std::string text = with_placeholders(narrative);
    cmark_parser_feed(parser, text.data(), text.size());
    m_root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    if (m_root == nullptr) {
        throw std::runtime_error("cmark-gfm could not parse " + narrative.file);
    }
    std::vector<ResolvedReference> resolved;
    resolved.reserve(narrative.references.size());
    for (const auto& ref : narrative.references) {
        resolved.push_back(resolve(ref));
    }
    cmark_consolidate_text_nodes(m_root);
    replace_references(m_root, resolved);
    sanitise(m_root);
    cmark_consolidate_text_nodes(m_root);
    join_cjk_lines(m_root);
}

NarrativeDocument::~NarrativeDocument() {
    if (m_root != nullptr) {
        cmark_node_free(m_root);
    }
}

std::string NarrativeDocument::html() const {
    cmark_llist* extensions = nullptr;
    cmark_mem* mem = cmark_get_default_mem_allocator();
    for (const auto name : k_extensions) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(std::string(name).c_str())) {
            extensions = cmark_llist_append(mem, extensions, ext);
        }
    }
    char* html = cmark_render_html(m_root, CMARK_OPT_DEFAULT, extensions);
    std::string out = html != nullptr ? html : "";
    std::free(html);
    cmark_llist_free(mem, extensions);
    return out;
}

} // namespace parkpress::render
