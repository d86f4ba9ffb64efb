// Task ids (model/task_ids.h): the holder names, with "~k" for a holder printed the k-th time.
#include "model/task_ids.h"

namespace congvan::model {

std::string TaskIds::Section(std::string_view prefix, const model::Section& s) {
  std::string holder = std::string(prefix) + (s.path.empty() ? s.id : s.path);
  int times = ++seen_[holder];
  if (times > 1) holder += "~" + std::to_string(times);
  return holder;
}

}  // namespace congvan::model
