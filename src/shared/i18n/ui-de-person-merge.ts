/** German UI strings of the merge screen and the possible-duplicates panel. */
export const personMergeDe = {
  title: 'Personen zusammenführen',
};
