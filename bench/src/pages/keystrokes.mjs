/** The keystrokes typed into the search box in each run: pinyin letter by letter and back, then Chinese. */
export const keystrokes = [
  'y', 'ya', 'yan', 'yang', 'yangl', 'yangla', 'yanglao', 'yangla', 'yangl', 'yang', 'yan', 'ya', 'y', '',
  '养', '养老', '养老服', '养老服务', '养老服', '养老', '养', '',
  'l', 'lj', 'ljb', 'lj', 'l', '',
];
