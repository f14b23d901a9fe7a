import { paperworkDueAt, requiredDocuments } from '../../../domain/greenChannel/paperwork';
import { FIRST_MEASURE } from '../../../domain/greenChannel/firstMeasure';
import { GREEN_CHANNEL_DIFFICULTIES, HELP_MEASURES } from '../../../models/enums';

describe('green-channel paperwork', () => {
  it('is due the set number of days after the case was accepted', () => {
    const accepted = new Date('2026-07-25T02:40:00Z');
    expect(paperworkDueAt(accepted, 15).toISOString()).toBe('2026-08-09T02:40:00.000Z');
    expect(paperworkDueAt(accepted, 0).toISOString()).toBe(accepted.toISOString());
  });

  it('lists each document once for several difficulties, always with the pledge and identity papers', () => {
    expect(requiredDocuments(['饮水'])).toEqual(['承诺授权书', '户口簿', '身份证']);
    const both = requiredDocuments(['住房', '医疗']);
    expect(both).toEqual(['承诺授权书', '户口簿', '身份证', '房屋受损照片', '房屋安全鉴定', '诊断证明', '医疗费用票据']);
    expect(new Set(both).size).toBe(both.length);
  });

  it('puts a first help measure in place for every difficulty', () => {
    for (const difficulty of GREEN_CHANNEL_DIFFICULTIES) expect(HELP_MEASURES).toContain(FIRST_MEASURE[difficulty]);
  });
});
