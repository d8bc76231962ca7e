import { reduceErrors, errorText } from 'c/errors';

describe('c/errors reduceErrors', () => {
  it('returns no message for nothing', () => {
    expect(reduceErrors(undefined)).toEqual([]);
    expect(reduceErrors(null)).toEqual([]);
    expect(reduceErrors([])).toEqual([]);
  });

  it('keeps a string as it is', () => {
    expect(reduceErrors('Something broke')).toEqual(['Something broke']);
  });

  it('reads a JavaScript Error', () => {
    expect(reduceErrors(new TypeError('x is undefined'))).toEqual(['x is undefined']);
  });

  it('reads a UI API error with a body message', () => {
    expect(
      reduceErrors({ status: 404, body: { message: 'The requested resource does not exist' } })
    ).toEqual(['The requested resource does not exist']);
  });

  it('reads a UI API error whose body is an array', () => {
    expect(
      reduceErrors({ body: [{ message: 'First problem' }, { message: 'Second problem' }] })
    ).toEqual(['First problem', 'Second problem']);
  });

  it('prefers the output errors and field errors of a record write over its summary', () => {
    const error = {
      status: 400,
      body: {
        message: 'An error occurred while trying to update the record. Please try again.',
        output: {
          errors: [
            { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Due date is in the past' }
          ],
          fieldErrors: {
            Name: [
              {
                errorCode: 'REQUIRED_FIELD_MISSING',
                message: 'Required fields are missing: [Name]'
              }
            ]
          }
        }
      }
    };
    expect(reduceErrors(error)).toEqual([
      'Due date is in the past',
      'Required fields are missing: [Name]'
    ]);
  });

  it('reads pageErrors and fieldErrors at the top of a body', () => {
    const error = {
      body: {
        pageErrors: [{ statusCode: 'INSUFFICIENT_ACCESS', message: 'insufficient access rights' }],
        fieldErrors: { Status__c: [{ message: 'bad value for restricted picklist field: Later' }] }
      }
    };
    expect(reduceErrors(error)).toEqual([
      'insufficient access rights',
      'bad value for restricted picklist field: Later'
    ]);
  });

  it('reads a GraphQL errors array', () => {
    const errors = [
      {
        message:
          "Validation error of type FieldUndefined: Field 'Bogus__c' in type 'Opportunity' is undefined",
        locations: [{ line: 3, column: 5 }],
        path: null
      },
      { message: 'Second' }
    ];
    expect(reduceErrors(errors)).toEqual([errors[0].message, 'Second']);
  });

  it('reads a whole GraphQL response and the engine error that carries its errors', () => {
    const response = { data: null, errors: [{ message: 'Too many subqueries' }] };
    expect(reduceErrors(response)).toEqual(['Too many subqueries']);
    const engineError = Object.assign(new Error('GraphQL request failed'), {
      errors: response.errors
    });
    expect(reduceErrors(engineError)).toEqual(['Too many subqueries']);
  });

  it('reads a fetch-like error by its status text', () => {
    expect(reduceErrors({ status: 500, statusText: 'Internal Server Error' })).toEqual([
      'Internal Server Error'
    ]);
  });

  it('flattens mixed lists, drops duplicates, blanks and unknown shapes', () => {
    expect(
      reduceErrors([
        'Same',
        new Error('Same'),
        { body: { message: '  ' } },
        { unknown: true },
        42,
        [{ message: 'Nested' }]
      ])
    ).toEqual(['Same', '42', 'Nested']);
  });
});

describe('c/errors errorText', () => {
  it('joins the messages for a toast', () => {
    expect(errorText([new Error('One.'), 'Two.'])).toBe('One. Two.');
  });

  it('falls back when the error holds no message', () => {
    expect(errorText({}, 'Unknown error')).toBe('Unknown error');
  });
});
