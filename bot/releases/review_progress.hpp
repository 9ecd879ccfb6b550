// Review progress of a release: per municipality (which items are still open), per item across
// the network (how many rated it "høj", who needs local configuration), and the report for
// coordinators as Markdown or CSV.
#pragma once

#include "storage/release_reviews.hpp"
#include "storage/releases.hpp"
#include "storage/role_directory.hpp"

#include <string>
#include <vector>

namespace superbruger::bot::releases {

struct MunicipalityProgress {
    storage::Municipality municipality;
    std::size_t reviewed = 0;
    std::size_t total = 0;
    std::vector<int> missing;  ///< item numbers without a review
    /// A review is complete when every item has one.
    bool complete() const noexcept { return total > 0 && reviewed == total; }
};

struct ItemProgress {
    storage::ReleaseItem item;
    std::size_t reviewed = 0;                     ///< municipalities that reviewed it
    std::size_t rated_high = 0;                   ///< of those, effect "høj"
    std::vector<std::string> local_configuration; ///< "Kommune: what" for those who need it
};

/// Who reviews: the municipalities with a current superbruger. The others (a coordinator's
/// organisation, a municipality whose superbrugere are not registered yet) cannot, and are named
/// apart rather than counted as not done.
struct Reviewers {
    std::vector<storage::Municipality> reviewing;
    std::vector<std::string> without_superbrugere;  ///< names
};
Reviewers reviewers_of(storage::RoleDirectory const& directory);

struct NetworkProgress {
    std::vector<MunicipalityProgress> municipalities;  ///< in the order given
    std::vector<ItemProgress> items;                   ///< in item order
    std::vector<std::string> without_superbrugere;
    std::size_t complete() const;
};

MunicipalityProgress municipality_progress(storage::Release const& release, storage::Municipality const& municipality,
                                           std::vector<storage::ItemReview> const& reviews);

/// `reviews` may hold every municipality's; those of municipalities not reviewing are ignored.
NetworkProgress network_progress(storage::Release const& release, Reviewers const& reviewers, std::vector<storage::ItemReview> const& reviews);

std::string report_markdown(storage::Release const& release, NetworkProgress const& progress);
/// One row per municipality and item, unreviewed items included (status "mangler").
std::string report_csv(storage::Release const& release, std::vector<storage::Municipality> const& municipalities,
                       std::vector<storage::ItemReview> const& reviews);

}  // namespace superbruger::bot::releases
