#pragma once

#include "compute/site_index.hpp"
#include "compute/updated.hpp"
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
/// the indexes, the comparison and the downloads every park's data file, except the list of
/// all parks, which shows only their identities and how many facts and targets they have.
/// In the downloads, each park's part has a key of its own (park_records), so that a
/// rebuild copies the parts of the parks that did not change.
///
/// When in doubt a key covers more: a page rendered again for nothing costs time, a page
/// kept that should have changed is wrong. Tests check incremental builds against cold ones.
class PageKeys {
public:
    /// `texts`: every content file's text; `digests`: the digests (core::digest_of) of the
    /// texts of some of them, which are then not computed again.
    /// `dates`: when pages last changed (shown on park, province and bulletin pages and in
    /// the parks' records of the downloads), part of those keys.
    PageKeys(const model::SiteModel& model, const SiteIndex& index, const std::map<std::string, std::string>& texts,
             std::string_view base, const std::map<std::string, std::string>* digests = nullptr,
             const UpdatedDates* dates = nullptr);

    [[nodiscard]] const std::string& site() const { return m_site; }
    /// The downloads: every park's data file and every park's date (parks.json's "updated").
    [[nodiscard]] const std::string& downloads() const { return m_downloads; }
    [[nodiscard]] const std::string& layout() const { return m_layout; }
    /// The list of every park: their identities and how many facts and targets each has.
    [[nodiscard]] const std::string& parks_index() const { return m_parks_index; }
    [[nodiscard]] std::string park(const model::Park& park) const;
    [[nodiscard]] std::string province(const std::string& slug) const;
    [[nodiscard]] std::string kind(const std::string& key) const;
    [[nodiscard]] std::string indicator(const std::string& key) const;
    [[nodiscard]] std::string source(const std::string& key) const;
    [[nodiscard]] std::string bulletin(const model::Bulletin& bulletin) const;
    [[nodiscard]] std::string bulletin_pdf(const model::Bulletin& bulletin) const;
    /// A park's records in the downloads (its line of parks.json, its rows of facts.csv):
    /// its data file and the files that are not a park's (indicators, sources, provinces).
    [[nodiscard]] std::string park_records(const model::Park& park) const;

private:
    /// A page of the parks listed under `key` in `parks` (a province's, a kind's).
    [[nodiscard]] std::string parks_key(std::string_view kind, const std::string& key,
                                        const std::map<std::string, std::vector<const model::Park*>>& parks) const;

    const model::SiteModel& m_model;
    const SiteIndex& m_index;
    std::string m_layout; ///< base, non-park files, park identities
    std::string m_site;   ///< m_layout and every park's data file
    std::string m_shared; ///< base and the files that are not a park's
    std::string m_parks_index;
    std::string m_downloads;
    std::unordered_map<const model::Park*, std::string> m_data;      ///< digest of the park's TOML file
    std::unordered_map<const model::Park*, std::string> m_narrative; ///< of its narrative
    std::unordered_map<const model::Park*, std::string> m_records;   ///< park_records()
    std::map<std::string, std::string> m_indicators;                 ///< every figure of each indicator
    UpdatedDates m_dates;
};

} // namespace parkpress::compute
