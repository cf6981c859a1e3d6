/**
 * The keystrokes typed into the search box in each run (same sequence for both lists): pinyin letter by
 * letter and partly back, clear (every row returns), Chinese characters, clear again.
 */
export const keystrokes = ['y', 'ya', 'yan', 'yang', 'yangl', 'yanglao', 'yangl', 'yang', '', '养', '养老', '养老服务', '养老', ''];
