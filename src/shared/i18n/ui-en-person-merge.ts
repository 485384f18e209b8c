/** English UI strings of the merge screen and the possible-duplicates panel. */
export const personMergeEn = {
  title: 'Merge people',
};
