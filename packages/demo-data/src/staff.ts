import type { LocalizedText } from '@linli/sdk';
import { t } from './text.js';

export interface StaffMember {
  id: string;
  name: string;
  role: 'staff' | 'admin';
  orgUnitId: string;
  /** The post, e.g. 网格员 or 社区书记. */
  title: LocalizedText;
}

const GRID_WORKER = t('网格员', 'Grid worker');

/**
 * A small crew that covers every community: one 网格员 per community grid shown here, the
 * community heads, the street's 民政 and 调解 specialists, and one district administrator.
 */
export const staff: StaffMember[] = [
  { id: 'st-01', name: '王建华', role: 'staff', orgUnitId: 'ou-jianxi', title: t('社区党委书记', 'Community Party secretary') },
  { id: 'st-02', name: '张伟', role: 'staff', orgUnitId: 'ou-jianxi-g1', title: GRID_WORKER },
  { id: 'st-03', name: '刘芳', role: 'staff', orgUnitId: 'ou-luotuo-g1', title: GRID_WORKER },
  { id: 'st-04', name: '马晓燕', role: 'staff', orgUnitId: 'ou-minle-g1', title: GRID_WORKER },
  { id: 'st-05', name: '陈志强', role: 'staff', orgUnitId: 'ou-xizhan-g1', title: GRID_WORKER },
  { id: 'st-06', name: '何静', role: 'staff', orgUnitId: 'ou-langong-g1', title: GRID_WORKER },
  { id: 'st-07', name: '周敏', role: 'staff', orgUnitId: 'ou-xiuchuan', title: t('社区居委会主任', 'Residents’ committee director') },
  { id: 'st-08', name: '杨丽娟', role: 'staff', orgUnitId: 'ou-xihu', title: t('街道民政专干', 'Subdistrict social-assistance officer') },
  { id: 'st-09', name: '赵磊', role: 'staff', orgUnitId: 'ou-dunhuang', title: t('街道人民调解员', 'Subdistrict people’s mediator') },
  { id: 'adm-01', name: '孙海涛', role: 'admin', orgUnitId: 'ou-qilihe', title: t('区民情服务中心系统管理员', 'District grievance-centre administrator') },
];
