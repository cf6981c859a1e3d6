/**
 * The keystrokes typed into the search box in each run (the same sequence for both lists): pinyin letter
 * by letter and partly back, a clear (every row returns), then Chinese characters.
 */
export const keystrokes = ['y', 'ya', 'yan', 'yang', 'yangl', 'yanglao', 'yang', '', '养', '养老', '养老服务'];
