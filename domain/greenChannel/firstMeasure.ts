import type { GreenChannelDifficulty, HELP_MEASURES } from '../../models/enums';

/**
 * The first help each green-channel difficulty calls for, put in place before any paperwork (先帮扶后完善手续);
 * the town adds more measures when it plans the case.
 */
export const FIRST_MEASURE: Readonly<Record<GreenChannelDifficulty, (typeof HELP_MEASURES)[number]>> = {
  生活: '临时救助',
  住房: '住房重建/加固',
  医疗: '医疗救助',
  饮水: '饮水保障',
  上学: '教育资助',
};
