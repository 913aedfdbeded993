#pragma once

#include "compute/site_index.hpp"
#include "model/model.hpp"

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parkpress::compute {

/// For each page, a digest of everything it is made from, so that a rebuild renders again
/// only the pages whose inputs changed (and the writer keeps the others as they are).
///
/// Every key covers `base` (the theme, the options, parkpress's version), every content file
/// that is not a park's, and the parks' identities (slug, name, province, kind, parent ...),
/// which links and counts on every page show. On top of that a page's key covers the park
/// data it shows: a park page its own files and the parks its narrative cites; a province or
/// kind page the data files of its parks; an indicator page every figure of that indicator;
/// a source page the parks that cite it; a bulletin the parks it compares; the home page,
/// the indexes, the comparison and the downloads every park's data file.
///
/// When in doubt a key covers more: a page rendered again for nothing costs time, a page
/// kept that should have changed is wrong. Tests check incremental builds against cold ones.
class PageKeys {
public:
    PageKeys(const model::SiteModel& model, const SiteIndex& index, const std::map<std::string, std::string>& texts,
             std::string_view base);

    [[nodiscard]] const std::string& site() const { return m_site; }
    [[nodiscard]] const std::string& layout() const { return m_layout; }
    [[nodiscard]] std::string park(const model::Park& park) const;
    [[nodiscard]] std::string province(const std::string& slug) const;
    [[nodiscard]] std::string kind(const std::string& key) const;
    [[nodiscard]] std::string indicator(const std::string& key) const;
    [[nodiscard]] std::string source(const std::string& key) const;
    [[nodiscard]] std::string bulletin(const model::Bulletin& bulletin) const;
    [[nodiscard]] std::string bulletin_pdf(const model::Bulletin& bulletin) const;

private:
    /// A page of the parks listed under `key` in `parks` (a province's, a kind's).
    [[nodiscard]] std::string parks_key(std::string_view kind, const std::string& key,
                                        const std::map<std::string, std::vector<const model::Park*>>& parks) const;

    const model::SiteModel& m_model;
    const SiteIndex& m_index;
    std::string m_layout; ///< base, non-park files, park identities
    std::string m_site;   ///< m_layout and every park's data file
    std::unordered_map<const model::Park*, std::string> m_data;      ///< digest of the park's TOML file
    std::unordered_map<const model::Park*, std::string> m_narrative; ///< of its narrative
    std::map<std::string, std::string> m_indicators;                 ///< every figure of each indicator
};

} // namespace parkpress::compute
