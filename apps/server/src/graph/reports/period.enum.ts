import { Period } from '@liangxin/domain';
import { registerEnumType } from 'type-graphql';

/** The domain's reporting periods (dates.ts) as a GraphQL enum, for `report` and `membersDeveloped`. */
registerEnumType(Period, {
  name: 'Period',
  description: 'A reporting period (报告周期), in Asia/Shanghai: the calendar day, ISO week (Monday–Sunday), month or year containing a date.',
  valuesConfig: {
    DAY: { description: 'The day (日调度).' },
    WEEK: { description: 'The ISO week, Monday to Sunday (周通报).' },
    MONTH: { description: 'The calendar month (月总结).' },
    YEAR: { description: 'The calendar year (年考核).' },
  },
});

export { Period };
