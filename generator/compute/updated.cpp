#include "compute/updated.hpp"

namespace parkpress::compute {
namespace {

void add_park_files(std::vector<std::string>& files, const model::Park& park) {
    files.push_back(park.file);
    if (park.narrative) {
        files.push_back(park.narrative->file);
    }
}

void put(std::map<std::string, std::string>& dates, const std::string& key, std::string date) {
    if (!date.empty()) {
        dates.emplace(key, std::move(date));
    }
}

} // namespace

const std::string& UpdatedDates::of(const std::map<std::string, std::string>& dates, const std::string& key) {
    static const std::string none;
    const auto it = dates.find(key);
    return it == dates.end() ? none : it->second;
}

UpdatedDates updated_dates(const model::SiteModel& model, const SiteIndex& index, const LastDate& last_date) {
    UpdatedDates out;
    for (const auto& park : model.parks) {
        std::vector<std::string> files;
        add_park_files(files, park);
        put(out.parks, park.slug, last_date(files));
    }
    for (const auto& [slug, province] : model.provinces) {
        std::vector<std::string> files{province.where.file.str()};
        if (const auto it = index.parks_by_province.find(slug); it != index.parks_by_province.end()) {
            for (const auto* park : it->second) {
                add_park_files(files, *park);
            }
        }
        put(out.provinces, slug, last_date(files));
    }
    for (const auto& bulletin : model.bulletins) {
        std::vector<std::string> files{bulletin.file};
        if (bulletin.narrative) {
            files.push_back(bulletin.narrative->file);
        }
        for (const auto* park : model.bulletin_parks(bulletin)) {
            add_park_files(files, *park);
        }
        put(out.bulletins, bulletin.id, last_date(files));
    }
    return out;
}

} // namespace parkpress::compute
