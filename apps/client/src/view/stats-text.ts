import { PIECE_TYPES, type GameStats } from '@tengen/engine';

/** One statistic as shown: a label, its value, and the words a screen reader says. */
export interface StatItem {
  key: 'trt' | 'burns' | 'drought' | 'ppm' | 'pieces';
  label: string;
  value: string;
  title: string;
}

/** The statistics panel's items: Tetris rate, burns, longest drought, pieces per minute, counts. */
export function statItems(s: GameStats): StatItem[] {
  const trt = s.tetrisRate === null ? '-' : `${Math.round(s.tetrisRate * 100)}%`;
  const ppm = s.piecesPerMinute === null ? '-' : s.piecesPerMinute.toFixed(1);
  const counts = PIECE_TYPES.map((t, i) => `${t}${s.pieces[i] ?? 0}`).join(' ');
  return [
    {
      key: 'trt',
      label: 'TRT',
      value: trt,
      title: 'Tetris rate: share of lines cleared by Tetrises',
    },
    {
      key: 'burns',
      label: 'Burns',
      value: String(s.burns),
      title: 'Lines cleared not by Tetrises',
    },
    {
      key: 'drought',
      label: 'Drought',
      value: String(s.longestDrought),
      title: 'Longest run of pieces without a long bar (I)',
    },
    { key: 'ppm', label: 'PPM', value: ppm, title: 'Pieces per minute' },
    { key: 'pieces', label: 'Pieces', value: counts, title: 'Pieces dealt of each type' },
  ];
}
