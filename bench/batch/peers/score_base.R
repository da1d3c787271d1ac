# 6-item De Jong Gierveld scores with base R, vectorised: the benchmark's R peer.
# Usage: Rscript score_base.R INPUT.csv OUTPUT.csv
# Coding: 1 = no, 2 = more or less, 3 = yes (MANUAL); blanks and negative codes are missing.
args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1], colClasses = "integer")
emotional_items <- c("lone3", "lone9", "lone10")
social_items <- c("lone4", "lone7", "lone8")
answered <- function(items) sapply(data[items], function(column) !is.na(column) & column %in% 1:3)
emotional_answered <- answered(emotional_items)
social_answered <- answered(social_items)
emotional_points <- rowSums(sapply(data[emotional_items], function(column) column %in% 2:3))
social_points <- rowSums(sapply(data[social_items], function(column) column %in% 1:2))
missing <- 6L - rowSums(emotional_answered) - rowSums(social_answered)
total <- ifelse(missing <= 1, emotional_points + social_points, NA)
data$total <- total
data$emotional <- ifelse(rowSums(emotional_answered) == 3, emotional_points, NA)
data$social <- ifelse(rowSums(social_answered) == 3, social_points, NA)
category <- cut(total, breaks = c(-1, 1, 4, 6), labels = FALSE) - 1L
data$category <- category
data$category_label <- c("not lonely", "moderately lonely", "severely lonely")[category + 1L]
data$missing_items <- missing
data$reason <- ifelse(missing > 1, paste0(missing, " of 6 items missing; the total allows 1"), NA)
write.csv(data, args[2], row.names = FALSE, na = "", quote = FALSE)
