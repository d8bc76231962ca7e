import { chooseChromium, SYSTEM_CHROMIUM } from './chromium';

const onlyThese =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe('chooseChromium', () => {
  it("takes the npm package's Chromium on a machine with neither CHROMIUM_PATH nor /usr/bin/chromium", () => {
    expect(chooseChromium({}, onlyThese())).toEqual({ source: 'npm' });
    expect(chooseChromium({ CHROMIUM_PATH: '' }, onlyThese())).toEqual({ source: 'npm' });
  });

  it('takes /usr/bin/chromium when the machine has it', () => {
    expect(chooseChromium({}, onlyThese(SYSTEM_CHROMIUM))).toEqual({
      source: 'system',
      executablePath: SYSTEM_CHROMIUM
    });
  });

  it('takes CHROMIUM_PATH first, and fails when it names no file instead of running another browser', () => {
    expect(
      chooseChromium(
        { CHROMIUM_PATH: '/opt/chrome/chrome' },
        onlyThese('/opt/chrome/chrome', SYSTEM_CHROMIUM)
      )
    ).toEqual({ source: 'CHROMIUM_PATH', executablePath: '/opt/chrome/chrome' });
    expect(() =>
      chooseChromium({ CHROMIUM_PATH: '/opt/none' }, onlyThese(SYSTEM_CHROMIUM))
    ).toThrow('CHROMIUM_PATH is /opt/none, which does not exist');
  });

  it("CHROMIUM_PATH=npm runs the npm package's Chromium even where /usr/bin/chromium exists", () => {
    expect(chooseChromium({ CHROMIUM_PATH: 'npm' }, onlyThese(SYSTEM_CHROMIUM))).toEqual({
      source: 'npm'
    });
  });
});
