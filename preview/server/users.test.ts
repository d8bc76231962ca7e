import { classifyUsers, defaultUser, type UserRecord } from './users';

const user = (Id: string, Name: string, ManagerId: string | null, IsActive = true): UserRecord => ({
  Id,
  Name,
  Title: null,
  ManagerId,
  IsActive,
  LocaleSidKey: 'en_US',
  TimeZoneSidKey: 'Europe/Paris'
});

describe('classifyUsers', () => {
  const records = [
    user('005R2', 'Rita Rep', '005M1'),
    user('005D1', 'Dana Director', null),
    user('005M1', 'Mo Manager', '005D1'),
    user('005R1', 'Ray Rep', '005M1'),
    user('005X1', 'Gone Rep', '005M1', false)
  ];

  it('labels director, managers and reps from the ManagerId hierarchy, in that order', () => {
    expect(classifyUsers(records).map((u) => [u.name, u.persona])).toEqual([
      ['Dana Director', 'Director'],
      ['Mo Manager', 'Manager'],
      ['Ray Rep', 'Rep'],
      ['Rita Rep', 'Rep']
    ]);
  });

  it('leaves inactive users out', () => {
    expect(classifyUsers(records).some((u) => u.id === '005X1')).toBe(false);
  });

  it('opens pages as a manager when the URL names nobody', () => {
    expect(defaultUser(classifyUsers(records))?.name).toBe('Mo Manager');
    expect(defaultUser(classifyUsers([user('005R1', 'Solo', null)]))?.name).toBe('Solo');
    expect(defaultUser([])).toBeUndefined();
  });
});
