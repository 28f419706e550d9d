/**
 * Common machine learning and computer science venues: a short name (as authors, DBLP and arXiv
 * comments write it) → the full name a BibTeX reference writes as booktitle or journal, and whether
 * it is a conference or a journal. Used to expand "ICLR 2024" and DBLP's short venue strings.
 */

export interface Venue {
  /** The short name as usually written (NeurIPS, TMLR). */
  readonly short: string;
  /** The booktitle or journal name as references write it. */
  readonly name: string;
  readonly kind: 'conference' | 'journal';
}

const conference = (short: string, name: string): Venue => ({ short, name, kind: 'conference' });
const journal = (short: string, name: string): Venue => ({ short, name, kind: 'journal' });

const VENUES: readonly Venue[] = [
  conference('NeurIPS', 'Advances in Neural Information Processing Systems'),
  conference('ICML', 'International Conference on Machine Learning'),
  conference('ICLR', 'International Conference on Learning Representations'),
  conference('CVPR', 'IEEE/CVF Conference on Computer Vision and Pattern Recognition'),
  conference('ICCV', 'IEEE/CVF International Conference on Computer Vision'),
  conference('ECCV', 'European Conference on Computer Vision'),
  conference('WACV', 'IEEE/CVF Winter Conference on Applications of Computer Vision'),
  conference('BMVC', 'British Machine Vision Conference'),
  conference('ACL', 'Annual Meeting of the Association for Computational Linguistics'),
  conference('EMNLP', 'Conference on Empirical Methods in Natural Language Processing'),
  conference('NAACL', 'Conference of the North American Chapter of the Association for Computational Linguistics'),
  conference('EACL', 'Conference of the European Chapter of the Association for Computational Linguistics'),
  conference('COLING', 'International Conference on Computational Linguistics'),
  conference('COLM', 'Conference on Language Modeling'),
  conference('AAAI', 'AAAI Conference on Artificial Intelligence'),
  conference('IJCAI', 'International Joint Conference on Artificial Intelligence'),
  conference('KDD', 'ACM SIGKDD Conference on Knowledge Discovery and Data Mining'),
  conference('COLT', 'Conference on Learning Theory'),
  conference('AISTATS', 'International Conference on Artificial Intelligence and Statistics'),
  conference('UAI', 'Conference on Uncertainty in Artificial Intelligence'),
  conference('CoRL', 'Conference on Robot Learning'),
  conference('RSS', 'Robotics: Science and Systems'),
  conference('ICRA', 'IEEE International Conference on Robotics and Automation'),
  conference('IROS', 'IEEE/RSJ International Conference on Intelligent Robots and Systems'),
  conference('Interspeech', 'Interspeech'),
  conference('ICASSP', 'IEEE International Conference on Acoustics, Speech and Signal Processing'),
  conference('SIGIR', 'International ACM SIGIR Conference on Research and Development in Information Retrieval'),
  conference('WWW', 'The Web Conference'),
  conference('WSDM', 'ACM International Conference on Web Search and Data Mining'),
  conference('CHI', 'CHI Conference on Human Factors in Computing Systems'),
  conference('MICCAI', 'International Conference on Medical Image Computing and Computer-Assisted Intervention'),
  conference('SIGGRAPH', 'ACM SIGGRAPH Conference'),
  conference('3DV', 'International Conference on 3D Vision'),
  conference('MLSys', 'Conference on Machine Learning and Systems'),
  conference('LoG', 'Learning on Graphs Conference'),
  conference('ICDE', 'IEEE International Conference on Data Engineering'),
  journal('TMLR', 'Transactions on Machine Learning Research'),
  journal('JMLR', 'Journal of Machine Learning Research'),
  journal('TPAMI', 'IEEE Transactions on Pattern Analysis and Machine Intelligence'),
  journal('IJCV', 'International Journal of Computer Vision'),
  journal('TACL', 'Transactions of the Association for Computational Linguistics'),
  journal('TOG', 'ACM Transactions on Graphics'),
  journal('TIP', 'IEEE Transactions on Image Processing'),
  journal('TNNLS', 'IEEE Transactions on Neural Networks and Learning Systems'),
  journal('RA-L', 'IEEE Robotics and Automation Letters'),
  journal('Nature', 'Nature'),
  journal('Nat. Mach. Intell.', 'Nature Machine Intelligence'),
  journal('Science', 'Science'),
  journal('PNAS', 'Proceedings of the National Academy of Sciences'),
];

/** Other spellings of the short names: the old NIPS, and the journal abbreviations DBLP writes as venue. */
const ALIASES = new Map<string, string>(Object.entries({
  nips: 'NeurIPS',
  'neural information processing systems': 'NeurIPS',
  'the web conference': 'WWW',
  sigkdd: 'KDD',
  'ieee trans. pattern anal. mach. intell.': 'TPAMI',
  'j. mach. learn. res.': 'JMLR',
  'trans. mach. learn. res.': 'TMLR',
  'int. j. comput. vis.': 'IJCV',
  'trans. assoc. comput. linguistics': 'TACL',
  'acm trans. graph.': 'TOG',
  'ieee trans. image process.': 'TIP',
  'ieee trans. neural networks learn. syst.': 'TNNLS',
  'ieee robotics autom. lett.': 'RA-L',
  'nat. mac. intell.': 'Nat. Mach. Intell.',
  'robotics: science and systems': 'RSS',
}));

const BY_KEY = new Map<string, Venue>(VENUES.map((venue) => [venue.short.toLowerCase(), venue]));

/**
 * The venue with this short name (any case, NIPS for NeurIPS, DBLP's abbreviations such as
 * "J. Mach. Learn. Res.", a DBLP volume suffix such as "ACL (1)" or "ECCV (12)"), else undefined.
 */
export function venueByShortName(name: string): Venue | undefined {
  if (typeof name !== 'string' || name.length > 100) {
    return undefined;
  }
  const key = name.replace(/\s+/g, ' ').trim().toLowerCase();
  const direct = BY_KEY.get(key) ?? BY_KEY.get(ALIASES.get(key)?.toLowerCase() ?? '');
  if (direct) {
    return direct;
  }
  // DBLP splits big proceedings into volumes: "ECCV (12)", "ACL (1)", "MICCAI (3)".
  const volume = /^(.+?) \(\d{1,3}\)$/.exec(key)?.[1];
  return volume === undefined ? undefined : BY_KEY.get(volume) ?? BY_KEY.get(ALIASES.get(volume)?.toLowerCase() ?? '');
}

const BY_NAME = new Map<string, Venue>(VENUES.map((venue) => [venue.name.toLowerCase(), venue]));

/** The venue with this full name ("Advances in Neural Information Processing Systems"), any case, else undefined. */
export function venueByFullName(name: string): Venue | undefined {
  return typeof name === 'string' ? BY_NAME.get(name.replace(/\s+/g, ' ').trim().toLowerCase()) : undefined;
}

/** Every short name, longest first (for finding one inside a reference). */
export function venueShortNames(): readonly string[] {
  return [...VENUES.map((venue) => venue.short), 'NIPS'].sort((a, b) => b.length - a.length);
}
